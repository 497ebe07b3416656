#!/usr/bin/env python3
"""Writes hark's sound-event vocabulary for caption scoring into its source, from the AudioSet
ontology (Google, CC BY-SA 4.0; github.com/audioset/ontology, ontology.json) and its 527 labelled
classes (class_labels_indices.csv, storage.googleapis.com/us_audioset/youtube_corpus/v1/csv/):

    python3 scripts/golden/make_sound_vocabulary.py ONTOLOGY_JSON CLASS_LABELS_CSV \\
        > Sources/HarkScoringData/SoundVocabularyData.swift

Each of the 527 classes becomes one line: id, canonical name, parent ids (through unlabelled classes
of the ontology, to the nearest labelled ones), and surface forms. Forms are the comma-separated
parts of the class name (parentheses dropped), the curated synonyms below, plurals ("air brakes"),
and for one-word names of sound events verb forms ("bark" → "barks", "barking", "barked"); generated
forms are marked `~`, so that a name or synonym of another class wins over them. A last field marks
sound events (what something does, rather than what it is): `human` for human sounds, `event` for
others. Classes only under "Source-ambiguous sounds"
or "Channel, environment and background" (bang, hiss of nothing in particular, echo, noise) describe
how something sounds, not what sounds, and are kept out unless a suite names them.
"""
import csv
import json
import re
import sys

EXCLUDED_ROOTS = {"Source-ambiguous sounds", "Channel, environment and background"}
EXCLUDED_CLASSES = {
    "Run",  # "water runs"
    "Hands",
    "Scratching (performance technique)",
    "Tapping (guitar technique)",
    "Fill (with liquid)",
    "Patter",  # "rain patters"
    "Sound effect",
    "Field recording",
}
# Forms too ambiguous in plain English to count as a mention of the class.
EXCLUDED_FORMS = {
    "country", "swing", "soul", "house", "pop", "funk", "keyboard", "jingle", "ska", "drum and bass",
    "fly", "flies", "flying", "flew", "training", "trained", "firing", "fired", "winding",
    "clocking", "alarming", "alarmed", "watering", "watered", "shipping", "crowded", "crowding", "rolling",
    "filling", "streaming", "engineered", "drummed", "belled", "organs", "turkey", "wail", "wailing",
    "wailed", "wails", "beat", "bass", "tap", "taps", "crying out", "snap", "chant", "pulse", "printing",
    "writings", "woods", "jingles", "roar", "roars", "roared", "roaring", "wood", "fires", "musics", "waters", "winds", "sinks", "countries",
}
# Names that are one class's, not another's generated form (kept first for the form).
SYNONYMS = {
    "Speech": ["speak", "speaks", "speaking", "spoke", "spoken", "talk", "talks", "talking", "talked",
               "voice", "voices", "announcement", "announcer", "narrator"],
    "Male speech, man speaking": ["man speaks", "man talks", "man talking", "male voice", "men speaking",
                                  "men talking"],
    "Female speech, woman speaking": ["woman speaks", "woman talks", "woman talking", "female voice",
                                      "women speaking", "women talking"],
    "Child speech, kid speaking": ["child speaks", "child talking", "children speaking", "children talking",
                                   "kid talking", "kids talking"],
    "Conversation": ["conversations", "converse", "conversing"],
    "Shout": ["shouting", "shouts", "shouted"],
    "Yell": ["yelling", "yells", "yelled"],
    "Screaming": ["scream", "screams", "screamed"],
    "Whispering": ["whisper", "whispers", "whispered"],
    "Laughter": ["laugh", "laughs", "laughing", "laughed"],
    "Giggle": ["giggling", "giggles", "giggled"],
    "Crying, sobbing": ["cry", "cries", "crying", "cried", "sob", "sobs", "sobbed"],
    "Baby cry, infant cry": ["baby crying", "baby cries", "infant crying", "crying baby", "babies crying"],
    "Baby laughter": ["baby laughing", "baby laughs"],
    "Singing": ["sing", "sings", "sang", "singer", "singers", "vocals"],
    "Breathing": ["breathe", "breathes", "breath", "breaths"],
    "Snoring": ["snore", "snores", "snored"],
    "Walk, footsteps": ["footstep", "steps", "walks", "walking", "walked"],
    "Clapping": ["clap", "claps", "clapped"],
    "Applause": ["applauding", "applaud", "applauds"],
    "Cheering": ["cheer", "cheers", "cheered"],
    "Crowd": ["crowds", "audience"],
    "Children playing": ["kids playing", "children play"],
    "Dog": ["dogs", "puppy", "puppies", "doggy", "hound", "hounds"],
    "Bark": ["barks", "barking", "barked"],
    "Growling": ["growl", "growls", "growled"],
    "Howl": ["howls", "howling", "howled"],
    "Cat": ["kitten", "kittens", "kitty"],
    "Meow": ["meows", "meowing", "meowed", "mew", "mews", "mewing"],
    "Bagpipes": ["bagpipe"],
    "Purr": ["purrs", "purring", "purred"],
    "Horse": ["horses", "hooves", "hoof"],
    "Neigh, whinny": ["neighs", "neighing", "whinnies", "whinnying"],
    "Cattle, bovinae": ["cow", "cows", "bull", "bulls", "calf"],
    "Moo": ["moos", "mooing", "mooed"],
    "Sheep": ["lamb", "lambs"],
    "Bleat": ["bleats", "bleating"],
    "Chicken, rooster": ["chickens", "roosters", "hen", "hens", "chick", "chicks"],
    "Cluck": ["clucks", "clucking"],
    "Duck": ["ducks"],
    "Quack": ["quacks", "quacking"],
    "Goose": ["geese"],
    "Honk": ["honks"],
    "Vehicle horn, car horn, honking": ["honk", "honks", "honked", "horn", "horns", "car horns",
                                        "horn honking", "horn blaring"],
    "Bird": ["birds"],
    "Bird vocalization, bird call, bird song": ["birdsong", "bird calls", "birdcall", "birds singing",
                                                "bird chirping", "birds chirping", "song", "songs", "sing", "sings", "singing"],
    "Chirp, tweet": ["chirp", "chirps", "chirping", "chirped", "tweets", "tweeting", "twitter", "twittering"],
    "Pigeon, dove": ["pigeons", "doves"],
    "Coo": ["cooing", "coos"],
    "Crow": ["crows"],
    "Caw": ["caws", "cawing"],
    "Owl": ["owls"],
    "Hoot": ["hoots", "hooting"],
    "Roaring cats (lions, tigers)": ["lion", "lions", "tiger", "tigers"],
    "Crowing, cock-a-doodle-doo": ["rooster crowing", "crowed", "crows", "crow"],
    "Rodents, rats, mice": ["rodent", "rat", "rats"],
    "Mouse": ["mice"],
    "Insect": ["insects", "bug", "bugs"],
    "Cricket": ["crickets"],
    "Mosquito": ["mosquitoes", "mosquitos"],
    "Fly, housefly": ["housefly", "houseflies"],
    "Bee, wasp, etc.": ["bees", "wasps", "hornet", "hornets", "bumblebee"],
    "Buzz": ["buzzing", "buzzes", "buzzed"],
    "Frog": ["frogs", "toad", "toads"],
    "Croak": ["croaks", "croaking"],
    "Snake": ["snakes", "rattlesnake"],
    "Whale vocalization": ["whale", "whales"],
    "Music": ["musical", "tune", "tunes", "melody"],
    "Musical instrument": ["instrument", "instruments"],
    "Guitar": ["guitars", "guitarist"],
    "Piano": ["pianos", "pianist"],
    "Drum": ["drums", "drumming", "drummer"],
    "Drum kit": ["drum set"],
    "Violin, fiddle": ["violins", "violinist"],
    "Flute": ["flutes"],
    "Trumpet": ["trumpets"],
    "Saxophone": ["sax"],
    "Orchestra": ["orchestral", "symphony"],
    "Bell": ["bells"],
    "Church bell": ["church bells"],
    "Wind chime": ["wind chimes"],
    "Song": ["songs"],
    "Wind": ["breeze", "gust", "gusts", "windy"],
    "Rustling leaves": ["leaves rustling", "rustling of leaves"],
    "Thunderstorm": ["storm", "storms"],
    "Thunder": ["thunders", "thundering", "thunderclap"],
    "Rain": ["rains", "raining", "rainfall", "drizzle"],
    "Raindrop": ["raindrops"],
    "Stream": ["brook", "creek", "river"],
    "Waterfall": ["waterfalls"],
    "Ocean": ["sea", "seaside"],
    "Waves, surf": ["wave", "waves crashing"],
    "Fire": ["flames", "campfire", "fireplace", "bonfire"],
    "Crackle": ["crackling", "crackles"],
    "Vehicle": ["vehicles", "traffic"],
    "Boat, Water vehicle": ["boats"],
    "Motorboat, speedboat": ["motorboats", "speedboats"],
    "Ship": ["ships"],
    "Car": ["car", "automobile", "cars"],
    "Car passing by": ["car passes", "car passing", "cars passing", "car drives by", "car driving by"],
    "Race car, auto racing": ["race cars"],
    "Truck": ["trucks", "lorry"],
    "Bus": ["buses"],
    "Emergency vehicle": ["emergency vehicles"],
    "Police car (siren)": ["police car", "police siren", "police cars"],
    "Ambulance (siren)": ["ambulance", "ambulance siren", "ambulances"],
    "Fire engine, fire truck (siren)": ["fire engines", "fire trucks"],
    "Motorcycle": ["motorcycles", "motorbike", "motorbikes"],
    "Train": ["train", "trains passing", "locomotive"],
    "Train horn": ["train horns", "horn", "horns"],
    "Air horn, truck horn": ["horn", "horns"],
    "Subway, metro, underground": ["subway train"],
    "Aircraft": ["plane", "planes", "aeroplane"],
    "Fixed-wing aircraft, airplane": ["airplanes", "airliner"],
    "Helicopter": ["helicopters", "chopper"],
    "Bicycle": ["bicycles", "bike", "bikes"],
    "Engine": ["engines", "motor", "motors"],
    "Idling": ["idle", "idles"],
    "Accelerating, revving, vroom": ["rev", "revs", "revving engine", "accelerates", "accelerate"],
    "Lawn mower": ["lawnmower"],
    "Chainsaw": ["chainsaws"],
    "Door": ["doors"],
    "Doorbell": ["door bell"],
    "Slam": ["slams", "slamming", "slammed"],
    "Knock": ["knocks", "knocking", "knocked"],
    "Squeak": ["squeaks", "squeaking", "squeaky"],
    "Dishes, pots, and pans": ["dishes", "pots", "pans", "pots and pans"],
    "Cutlery, silverware": ["forks", "spoons"],
    "Frying (food)": ["sizzling", "sizzles", "fries"],
    "Water tap, faucet": ["faucets", "water tap", "tap water"],
    "Toilet flush": ["flush", "flushes", "flushing", "toilet"],
    "Vacuum cleaner": ["vacuum", "vacuuming"],
    "Typing": ["types", "typed"],
    "Computer keyboard": ["keyboard typing"],
    "Telephone": ["phone", "phones", "telephones", "cellphone"],
    "Telephone bell ringing": ["phone ringing", "phone rings", "telephone ringing"],
    "Ringtone": ["ringtones"],
    "Alarm": ["alarms"],
    "Alarm clock": ["alarm clocks"],
    "Siren": ["sirens"],
    "Clock": ["clocks"],
    "Tick": ["ticks", "ticking", "ticked"],
    "Tick-tock": ["tick tock"],
    "Mechanical fan": ["fan", "fans"],
    "Air conditioning": ["air conditioner"],
    "Printer": ["printers"],
    "Hammer": ["hammers", "hammering", "hammered"],
    "Sawing": ["saws", "handsaw"],
    "Power tool": ["power tools"],
    "Drill": ["drills", "drilling", "drilled"],
    "Explosion": ["explosions", "explode", "explodes", "exploding"],
    "Gunshot, gunfire": ["gun", "guns", "gunshots", "shots fired", "shooting", "gun shots"],
    "Fireworks": ["firework"],
    "Boom": ["booms", "booming"],
    "Glass": ["glasses"],
    "Shatter": ["shatters", "shattering", "shattered"],
    "Splash, splatter": ["splash", "splashes", "splashing", "splashed"],
    "Drip": ["drips", "dripping", "dripped"],
    "Pour": ["pours", "pouring", "poured"],
    "Boiling": ["boil", "boils"],
    "Television": ["tv"],
    "Radio": ["radio broadcast"],
}
# Sound events whose source the ontology does not link them to ("a mouse squeaks").
EXTRA_PARENTS = {
    "Squeak": ["Mouse", "Rodents, rats, mice"],
    "Chirp, tweet": ["Cricket", "Insect"],
    "Buzz": ["Insect"],
    "Song": ["Singing"],
    "Hiss": ["Fire"],
    "Drip": ["Water"],
    "Pour": ["Water"],
    "Splash, splatter": ["Water"],
    "Trickle, dribble": ["Water"],
    "Idling": ["Motor vehicle (road)"],
    "Accelerating, revving, vroom": ["Motor vehicle (road)"],
}
# Things, not sounds they make, where the rules of `is_event` would say otherwise.
NOT_EVENTS = {
    "Mouse", "Cricket", "Mosquito", "Cowbell", "Lawn mower", "Chainsaw", "Dental drill, dentist's drill",
    "Sliding door", "Crowd", "Jet engine", "Light engine (high frequency)", "Medium engine (mid frequency)",
    "Heavy engine (low frequency)",
}
# Sounds, not things, where the rules of `is_event` would say otherwise.
EVENTS = {
    "Bird vocalization, bird call, bird song", "Vehicle horn, car horn, honking", "Car alarm", "Train horn",
    "Train whistle", "Air horn, truck horn", "Reversing beeps", "Air brake", "Tire squeal", "Skidding",
    "Car passing by", "Power windows, electric windows", "Doorbell", "Telephone bell ringing", "Ringtone",
}
# Canonical names where the first part of the ontology's name is not the usual one.
CANONICAL = {"Walk, footsteps": "footsteps"}
# Sources whose classes below are sounds they make.
EVENT_SOURCES = {"Liquid", "Door", "Wood", "Glass", "Explosion", "Engine", "Clock", "Fire"}
ONE_WORD_OK = re.compile(r"^[a-z]+$")


def inflections(word, verb):
    """The plural of one word ("bus" → "buses"), and its verb forms for sound events ("drip" →
    "dripping", "dripped"; "cry" → "cries")."""
    if re.search(r"[^aeiou]y$", word):
        return {word[:-1] + "ies"} | ({word[:-1] + "ied", word + "ing"} if verb else set())
    plural = word + "es" if re.search(r"(s|x|z|ch|sh)$", word) else word + "s"
    if not verb:
        return {plural}
    if word.endswith("e"):
        return {plural, word[:-1] + "ing", word + "d"}
    stem = word + word[-1] if re.search(r"^[^aeiou]*[aeiou][bdgklmnprt]$", word) else word
    return {plural, stem + "ing", stem + "ed"}


def surface_forms(name):
    base = re.sub(r"\s*\(([^)]*)\)", "", name)
    parts = [p.strip().lower() for p in base.split(",")]
    return [p for p in parts if p and p != "etc."]


def main(ontology_path, labels_path):
    ontology = {entry["id"]: entry for entry in json.load(open(ontology_path, encoding="utf-8"))}
    labelled = [row["mid"] for row in csv.DictReader(open(labels_path, encoding="utf-8"))]
    assert len(labelled) == 527, len(labelled)
    by_name = {entry["name"]: entry["id"] for entry in ontology.values()}
    parents = {}
    for entry in ontology.values():
        for child in entry["child_ids"]:
            parents.setdefault(child, []).append(entry["id"])
    for child, extra in EXTRA_PARENTS.items():
        parents.setdefault(by_name[child], []).extend(by_name[name] for name in extra)

    def under_excluded_only(mid, seen=()):
        """Whether every path up from `mid` meets an excluded root."""
        if ontology[mid]["name"] in EXCLUDED_ROOTS:
            return True
        ups = parents.get(mid, [])
        return bool(ups) and all(under_excluded_only(up, seen + (mid,)) for up in ups if up not in seen)

    def labelled_parents(mid, seen=None):
        seen = set() if seen is None else seen
        found = []
        for up in parents.get(mid, []):
            if up in seen:
                continue
            seen.add(up)
            if up in labelled_set:
                found.append(up)
            else:
                found += labelled_parents(up, seen)
        return list(dict.fromkeys(found))

    def is_event(mid):
        """Human sounds, the childless classes under animals, and what liquids, doors, engines …
        do: sounds something makes rather than things, named by verbs as well as nouns."""
        above, stack = set(), list(parents.get(mid, []))
        while stack:
            up = stack.pop()
            above.add(ontology[up]["name"])
            stack += parents.get(up, [])
        leaf = not ontology[mid]["child_ids"]
        if ontology[mid]["name"] in NOT_EVENTS:
            return False
        if ontology[mid]["name"] in EVENTS:
            return True
        return "Human sounds" in above or (leaf and "Animal" in above) or bool(above & EVENT_SOURCES)

    def is_human(mid):
        stack, seen = list(parents.get(mid, [])), set()
        while stack:
            up = stack.pop()
            if ontology[up]["name"] == "Human sounds":
                return True
            if up not in seen:
                seen.add(up)
                stack += parents.get(up, [])
        return False

    kept = {}
    for mid in labelled:
        name = ontology[mid]["name"]
        named = [f for f in surface_forms(name) + SYNONYMS.get(name, []) if f not in EXCLUDED_FORMS]
        # A class left with no form ("turkey", too ambiguous) still names its sounds ("gobble").
        if name not in EXCLUDED_CLASSES and not under_excluded_only(mid):
            kept[mid] = list(dict.fromkeys(named))
    labelled_set = set(kept)

    lines = []
    for mid, named in kept.items():
        name = ontology[mid]["name"]
        generated = set()
        for form in surface_forms(name):
            *head, last = form.split(" ")
            if ONE_WORD_OK.match(last) and not re.search(r"(ing|s)$", last):
                if head:
                    plurals = inflections(last, verb=False)
                    generated |= {" ".join(head + [plural]) for plural in plurals}
                else:
                    generated |= inflections(form, is_event(mid))
        generated -= set(named) | EXCLUDED_FORMS
        forms = named + ["~" + f for f in sorted(generated)]
        canonical = CANONICAL.get(name, surface_forms(name)[0])
        assert "\t" not in canonical and all("|" not in f for f in forms)
        event = ("human" if is_human(mid) else "event") if is_event(mid) else ""
        lines.append("\t".join([mid, canonical, ",".join(labelled_parents(mid)), "|".join(forms), event]))
    unknown = (set(SYNONYMS) | set(EXTRA_PARENTS) | EXCLUDED_CLASSES | NOT_EVENTS | EVENTS | set(CANONICAL)) - set(by_name)
    assert not unknown, unknown
    body = "\n".join(lines)
    assert '"""#' not in body
    print("// Generated by scripts/golden/make_sound_vocabulary.py from the AudioSet ontology and its 527")
    print("// labelled classes (Google; Creative Commons Attribution-ShareAlike 4.0), with hark's curated")
    print("// synonyms. Do not edit.")
    print()
    print("/// The AudioSet sound-event classes caption scoring looks for, one per line:")
    print("/// `id<TAB>canonical name<TAB>parent ids<TAB>forms<TAB>event`, forms `|`-separated, generated ones")
    print("/// marked `~`; `event` marks a sound something makes (a bark, a pour) rather than a thing, `human`")
    print("/// a sound people make.")
    print("public enum SoundVocabularyData {")
    print('    public static let classes = #"""')
    print(body)
    print('"""#')
    print("}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
