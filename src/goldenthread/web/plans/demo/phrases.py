"""Words for the demo area: aspirations, "all about me", how children communicate.

All made up, in the spirit of the seed guides' worked examples. Aspirations are long-term hopes
in the child's or family's voice; they belong in Section A, which is why the weak outcomes in
``outcomes.py`` sometimes misplace them in Section E, as real plans do.
"""

from __future__ import annotations

# phase -> hopes in the child's own voice
CHILD_ASPIRATIONS: dict[str, tuple[str, ...]] = {
    "early": (
        "To talk and play with my friends and family",
        "To walk on my own so I can have fun at the park",
        "To be happy and safe at nursery",
        "To let people know what I want and need",
    ),
    "school": (
        "To be a chef when I grow up",
        "To have friends to play with at school",
        "To be a vet and look after animals",
        "To play football for a team",
        "To be a zookeeper",
        "To make video games",
        "To be a teacher like Miss at my school",
        "To go to big school with my friends",
        "To be a police officer",
        "To be a hairdresser",
        "To be a builder like my uncle",
        "To be famous on YouTube",
    ),
    "adult": (
        "To have a paid job working with animals",
        "To live in my own flat with friends",
        "To work in a shop or café",
        "To go to college and learn to be a mechanic",
        "To travel on my own and see my friends when I want",
        "To have a job in computers or gaming",
        "To get married and have a family one day",
        "To drive a car",
        "To work with children",
    ),
}

PARENT_ASPIRATIONS: dict[str, tuple[str, ...]] = {
    "early": (
        "We want {name} to be able to tell us what they need",
        "We hope {name} can go to our local school with their brother and sister",
        "We want {name} to be happy, healthy and to make friends",
    ),
    "school": (
        "We want {name} to be happy at school and have good friends",
        "We hope {name} will be as independent as possible",
        "We want {name} to feel confident and proud of what they can do",
        "We hope {name} will stay in mainstream school with the right help",
    ),
    "adult": (
        "We want {name} to have a job and a life of their own",
        "We hope {name} will live independently with the right support",
        "We want {name} to have friends and things to do in the community",
    ),
}

LIKED = (
    "{name} has a great sense of humour and loves making people laugh.",
    "{name} is kind and always notices when someone is sad.",
    "{name} is determined and never gives up on a puzzle.",
    "{name} has a lovely smile and is very affectionate with family.",
    "{name} knows everything about dinosaurs and trains.",
    "{name} is brilliant with animals and very gentle.",
    "{name} is creative and loves drawing, building and making things.",
)
IMPORTANT_TO = (
    "My family, my dog and my tablet.",
    "Playing outside, swimming and going to the park.",
    "Music, dancing and singing along to my favourite songs.",
    "Football on Saturdays and seeing my cousins.",
    "Minecraft, Lego and having my own space when I need it.",
    "My friends, my phone and going into town.",
    "Knowing what is happening next.",
)
IMPORTANT_FOR = (
    "A calm start to the day and warning before changes.",
    "Adults who know how I communicate and give me time to answer.",
    "Eating well and getting enough sleep.",
    "Help to stay safe near roads and with strangers.",
    "Taking my medicine at the right times.",
    "Movement breaks and a quiet place when things get too much.",
)
HOW_TO_SUPPORT = (
    "Use my name first, then short sentences. Show me pictures.",
    "Give me time. Do not rush me or talk over me.",
    "Tell me what is happening next and stick to it if you can.",
    "If I am upset, give me space and stay nearby. Talk later.",
    "Sit me near the front, away from the door and the window.",
    "Let me show you what I know in a different way, like drawing or typing.",
)
STORIES = (
    "{name} was born early and spent the first weeks in hospital. "
    "{name} lives with mum, dad and a younger sister.",
    "{name} lives with mum and two older brothers. {name} moved to this area two years ago.",
    "{name} lives with grandparents, who have cared for {name} since they were a baby.",
    "{name} lives with dad during the week and mum at weekends. "
    "Both want to be involved in the plan.",
    "{name} had a diagnosis at age 4 after a long wait. "
    "The family have had help from the local parent carer forum.",
    "{name} lives with foster carers who have looked after them for three years.",
)

COMMUNICATION_BY_CODE: dict[str, tuple[str, ...]] = {
    "ASD": (
        "I talk in short sentences. I understand more when you show me.",
        "I use my tablet with symbols when I am upset.",
    ),
    "SLCN": (
        "I use some words and Makaton signs.",
        "I talk, but people who do not know me may find me hard to understand.",
    ),
    "SLD": ("I use signs, symbols and some single words.",),
    "PMLD": (
        "I tell you how I feel with my face, sounds and movements. I smile when I like something.",
    ),
    "HI": ("I use speech and British Sign Language. Face me when you talk.",),
    "MSI": ("I use touch cues and objects of reference.",),
    "VI": ("I talk well. Tell me who you are when you come near.",),
    "DS": ("I use short phrases and Makaton signs.",),
}
COMMUNICATION_DEFAULT = (
    "I talk in full sentences. Give me time to think before I answer.",
    "I talk well but may say I understand when I do not. Check with me.",
)

# Outcomes phrased as the service does, not as the child's change (the weak kinds).
SERVICE_LED = (
    "Staff will support {name} to {skill}",
    "School to provide {name} with support to {skill}",
    "{name} will be supported by adults to {skill}",
)
SECTION_E_ASPIRATIONS = (
    "To be a footballer",
    "To be happy",
    "To go to university",
    "To be a vet",
    "To live independently",
    "To have lots of friends",
)
