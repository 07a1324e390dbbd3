"""Given and family names for the synthetic demo area.

These are common names heard across Britain today, chosen to reflect the mix of a typical
English borough. Every person built from them is made up: given and family names are paired at
random, so any likeness to a real child, parent or professional is chance.
"""

from __future__ import annotations

BOYS = (
    "Oliver George Noah Arthur Muhammad Leo Harry Oscar Archie Henry Theo Freddie Jack Charlie "
    "Finley Alfie Jacob Thomas Lucas Isaac Tommy Joshua Alexander Max James William Roman Teddy "
    "Arlo Elijah Adam Reggie Rory Louie Ezra Ethan Dylan Mason Logan Sonny Albert Hugo Ibrahim "
    "Yusuf Zayn Ayaan Omar Ali Hamza Rayyan Aarav Arjun Krish Rohan Kabir Dev Kai Jayden Tyrese "
    "Kofi Kwame Tobi Femi Ade Chidi Malachi Jermaine Marcus Nathaniel Callum Lewis Kieran Connor "
    "Aidan Cian Owen Rhys Dafydd Gethin Euan Fraser Angus Ruaridh Jakub Kacper Filip Mateo Luca "
    "Matteo Tomasz Oskar Mihai Andrei Bilal Idris Zain Samir Tariq Daniyal Haris Sami Jude Stanley"
).split()

GIRLS = (
    "Olivia Amelia Isla Ava Lily Freya Ivy Florence Mia Willow Rosie Sophia Isabella Grace Daisy "
    "Sienna Poppy Elsie Emily Ella Evelyn Phoebe Sofia Evie Charlotte Harper Millie Matilda Maya "
    "Ruby Aisha Fatima Maryam Zara Amira Hafsa Inaya Aleena Anaya Priya Diya Saanvi Kiran Simran "
    "Amara Zainab Chioma Adaeze Ama Esi Imani Nia Keisha Tia Shanice Kayla Megan Chloe Bethan "
    "Seren Ffion Cerys Niamh Aoife Orla Eilidh Skye Mairi Zuzanna Lena Hanna Alicia Wiktoria "
    "Elena Giulia Ioana Maria Nadia Layla Yasmin Noor Hana Safiya Amal Lucy Holly Jessica Erin"
).split()

FAMILY = (
    "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson "
    "Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson "
    "Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen "
    "James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook "
    "Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson "
    "Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali "
    "Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell "
    "Barker Fisher Stevens Jenkins Murray Dixon Harvey Ahmed Rahman Akhtar Iqbal Mahmood Chowdhury "
    "Uddin Islam Sharma Kaur Gill Sandhu Mistry Shah Joshi Desai Okafor Okonkwo Adeyemi Mensah "
    "Owusu Boateng Asante Osei Nwosu Bello Francis Campbell-Reid Grant Bryan Forbes Henry Samuels "
    "Nowak Kowalski Wisniewski Popescu Ionescu Rossi Ferrari Silva Santos Costa Oliveira Nguyen "
    "Tran Chen Wong Li Zhang Kaya Yilmaz Demir Hassan Abdi Mohamed Farah Warsame Jama Duale "
    "MacDonald Stewart Robertson Fraser Reid Ross Hamilton Graham Kerr O'Brien O'Connor Byrne "
    "Doyle Walsh Ryan Kennedy Quinn Gallagher Rees Pugh Lloyd-Jones Vaughan Bevan Howells"
).split()

PLACE_STARTS = (
    "Ash Bram Chal Dun Elm Fern Glen Hazel Ivy Kings Lark Mill Nor Oak Pen Queens Rush Stan "
    "Thorn Upper Wal Wes Wil Yew Brook Cran Harrow Lang Marsh Red Sand Whit"
).split()
PLACE_ENDS = "ford ley wick ton field brook combe dale hurst well bury stead moor gate".split()

# A child's usual name, sometimes shortened: used for preferred names.
SHORT_NAMES = {
    "Alexander": "Alex",
    "Thomas": "Tom",
    "Joshua": "Josh",
    "William": "Will",
    "James": "Jamie",
    "Nathaniel": "Nate",
    "Muhammad": "Mo",
    "Isabella": "Bella",
    "Charlotte": "Lottie",
    "Matilda": "Tilly",
    "Elizabeth": "Lizzie",
    "Florence": "Flo",
    "Jessica": "Jess",
    "Ibrahim": "Ibby",
    "Oliver": "Ollie",
    "Frederick": "Fred",
    "Theo": "Teddy",
    "Olivia": "Liv",
    "Amelia": "Millie",
    "Sophia": "Sophie",
    "Evelyn": "Evie",
    "Callum": "Cal",
    "Jacob": "Jake",
    "Wiktoria": "Vicky",
    "Zuzanna": "Zuza",
    "Daniyal": "Dan",
    "Kieran": "Kez",
}


def place_names() -> list[str]:
    """Made-up English-sounding place names ("Ashford", "Thornley"), in a fixed order."""
    return [start + end for end in PLACE_ENDS for start in PLACE_STARTS]
