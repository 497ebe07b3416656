#!/usr/bin/env python3
"""Writes the labelled caption set CaptionMentionTests measures hark's caption reader on: captions
written by hand, each with the objects labelled present in its clip and the objects it truly
asserts (named as hark reports them: the label where the mention is the label, a kind of it or a
sound of it; otherwise the AudioSet class's canonical name), grouped by what each tests.

    python3 scripts/golden/make_caption_mentions.py > Tests/HarkScoringTests/Golden/caption-mentions.json

Each line below is `caption | labels present | objects asserted`, lists comma-separated.
"""
import json

SETS = {
    "present": """
A dog barks several times | dog | dog
A man speaks while rain falls steadily | speech, rain | speech, rain
Birds chirp in the distance | bird | bird
A car engine idles and then revs up | car, engine | car, engine
Thunder rumbles as heavy rain pours down | thunder, rain | thunder, rain
A woman is talking on the phone | speech, telephone | speech, telephone
Music plays softly in the background | music | music
A baby cries loudly | baby cry | baby cry
People laugh and clap their hands | laughter, clapping | laughter, clapping
A train passes by with its horn blowing | train | train
The wind blows strongly | wind | wind
Water flows from a faucet | water tap | water, water tap
A cat meows repeatedly | cat | cat
Footsteps echo on a wooden floor | footsteps | footsteps
A clock ticks steadily | clock | clock
A helicopter flies overhead | helicopter | helicopter
Someone types on a computer keyboard | typing | typing
A siren wails as an ambulance drives past | siren, ambulance | siren, ambulance
A rooster crows early in the morning | rooster | rooster
Waves crash against the shore | ocean | ocean
A crowd cheers loudly | crowd, cheering | crowd, cheering
A piano plays a gentle melody | piano | piano
People applaud after a speech | applause, speech | applause, speech
A motorcycle engine roars as it accelerates | motorcycle, engine | motorcycle, engine
A toilet flushes | toilet flush | toilet flush
Food sizzles in a frying pan | frying | frying
A door slams shut | door | door
A bell rings three times | bell | bell
A cow moos in a field | cow | cow
Frogs croak near a pond | frog | frog
A drill whirs loudly | drill | drill
A vacuum cleaner runs | vacuum cleaner | vacuum cleaner
Bees buzz around flowers | bee | bee
A horse gallops and neighs | horse | horse
A man sings along with a guitar | singing, guitar | singing, guitar
A gunshot rings out | gunshot | gunshot
Fireworks explode in the sky | fireworks | fireworks
A violin plays a slow tune | violin | violin
A duck quacks loudly | duck | duck
Sheep bleat on a hillside | sheep | sheep
A lawn mower runs in the distance | lawn mower | lawn mower
A person snores loudly | snoring | snoring
Someone coughs twice | cough | cough
A chainsaw cuts through wood | chainsaw | chainsaw
""",
    "hallucinated-in-labels": """
A dog barks and a cat meows | dog | dog, cat
Rain falls while a man speaks | rain | rain, male speech
A car passes as birds chirp | car | car, bird
Music plays and a baby cries | music | music, baby cry
A train passes while a dog barks | train | train, dog
Thunder rumbles and a bell rings | thunder | thunder, bell
A cat purrs as music plays | cat | cat, music
A woman talks over the sound of rain | speech | speech, rain
An engine idles while a siren wails | engine | engine, siren
Birds sing as the wind blows | bird | bird, wind
A helicopter flies over as a car honks | helicopter | helicopter, car
The clock ticks and a door slams | clock | clock, door
Someone types while the telephone rings | typing | typing, telephone
A crowd cheers and a dog barks | crowd | crowd, cheering, dog
A piano plays while rain falls | piano | piano, rain
A cow moos and a horse neighs | cow | cow, horse
A rooster crows while a dog barks | rooster | rooster, dog
Waves crash while a man speaks | ocean | ocean, male speech
A baby laughs as a cat meows | baby laughter | baby laughter, cat
A motorcycle passes and a train horn sounds | motorcycle | motorcycle, train horn
Frogs croak as crickets chirp and rain falls | frog | frog, cricket, rain
Water drips while a clock ticks | water | water, clock
A violin plays and a man sings | violin | violin, singing
A bell tolls as birds chirp | bell | bell, bird
A duck quacks while a dog barks | duck | duck, dog
Sheep bleat and a cow moos | sheep | sheep, cattle
Bees buzz while a man speaks | bee | bee, male speech
A chainsaw runs as birds chirp | chainsaw | chainsaw, bird
Fireworks explode while a crowd cheers | fireworks | fireworks, crowd, cheering
A toilet flushes and water runs from a faucet | toilet flush | toilet flush, water tap, water
A gunshot sounds and a dog barks | gunshot | gunshot, dog
A vacuum cleaner runs while music plays | vacuum cleaner | vacuum cleaner, music
A door creaks open and footsteps approach | door | door, footsteps
A man coughs while the telephone rings | cough | cough, telephone
Food fries as a woman talks | frying | frying, female speech
A drill runs and a hammer bangs | drill | drill, hammer
A lawn mower runs while a dog barks | lawn mower | lawn mower, dog
Wind blows as thunder rumbles | wind | wind, thunder
A helicopter hovers while a siren wails | helicopter | helicopter, siren
A guitar plays as people clap | guitar | guitar, clapping
""",
    "hallucinated-outside-labels": """
A man speaks while a piano plays | speech | speech, piano
Rain falls as an owl hoots | rain | rain, owl
A car drives by and a church bell rings | car | car, church bell
A dog barks while a saxophone plays | dog | dog, saxophone
Traffic passes and a jackhammer pounds | car | car, jackhammer
Birds chirp while a lion roars | bird | bird, roaring cats
A woman speaks over a ringing alarm clock | speech | speech, alarm clock
A train passes and a trumpet plays | train | train, trumpet
Wind blows as a goat bleats | wind | wind, goat
A baby cries and a microwave oven beeps | baby cry | baby cry, microwave oven
A crowd cheers as a drum kit plays | crowd | crowd, cheering, drum kit
A cat meows while a blender runs | cat | cat, blender
Thunder rumbles as a whale calls | thunder | thunder, whale vocalization
A man talks while a harmonica plays | speech | speech, harmonica
Water flows and a pig oinks | water | water, pig
A motorcycle revs as a police siren wails | motorcycle | motorcycle, police car
A clock ticks while a typewriter clacks | clock | clock, typewriter
Music plays as a goose honks | music | music, goose
A door closes and a smoke alarm beeps | door | door, smoke detector
A helicopter flies as a snake hisses | helicopter | helicopter, snake
Rain patters while a mosquito buzzes | rain | rain, mosquito
A dog barks as a sewing machine runs | dog | dog, sewing machine
A bus idles while an accordion plays | bus | bus, accordion
People talk while a cash register rings | speech | speech, cash register
A cow moos as a tractor engine runs | cow | cow, engine
An engine hums while a turkey gobbles | engine | engine, turkey
Waves crash as a foghorn sounds | ocean | ocean, foghorn
A baby laughs while a harp plays | baby laughter | baby laughter, harp
A man snores as a mechanical fan whirs | snoring | snoring, mechanical fan
A siren wails and a bagpipe plays | siren | siren, bagpipes
A horse neighs while bagpipes play | horse | horse, bagpipes
A rooster crows as a chainsaw starts | rooster | rooster, chainsaw
Footsteps approach while an organ plays | footsteps | footsteps, organ
A toilet flushes as a hair dryer runs | toilet flush | toilet flush, hair dryer
A woman sings while a cello plays | singing | singing, cello
A car honks as a skateboard rolls by | car | car, skateboard
Birds chirp while an electric guitar plays | bird | bird, electric guitar
A crowd applauds as a gong sounds | applause | applause, crowd, gong
A telephone rings while a printer runs | telephone | telephone, printer
A duck quacks as an air horn blasts | duck | duck, air horn
""",
    "negation": """
There is no dog barking, only rain falling | rain | rain
A man speaks without any music in the background | speech | speech
It is not a siren but a car horn | car horn | car horn
Rain falls and there are no birds | rain | rain
No music is playing; a woman talks quietly | speech | speech
A car passes by, with no horn | car | car
The audio contains wind but no speech | wind | wind
I do not hear any dog in this clip | rain | 
There is no siren, just traffic noise from a passing car | car | car, traffic noise
A baby cries, and no one is talking | baby cry | baby cry
Thunder rumbles without rain | thunder | thunder
Not a dog but a cat meows | cat | cat
A train passes; the horn is absent | train | train
Birds chirp, but there is no wind | bird | bird
There's no engine noise, only birds chirping | bird | bird
The clip does not contain any music | speech | 
A clock ticks while no one speaks | clock | clock
Instead of a piano, a guitar plays | guitar | guitar
A dog barks; a cat is not present | dog | dog
The piano is silent and a violin plays | violin | violin
Rather than thunder, it is a door slamming | door | door
Water runs from the tap without any speech | water tap | water
A helicopter flies over, no sirens can be heard | helicopter | helicopter
Nothing but a fan whirring | mechanical fan | mechanical fan
A bell rings; there is neither music nor speech | bell | bell
A crowd cheers, but no applause follows | crowd | crowd, cheering
A cow moos, not a horse | cow | cow
The sound is free of music, a man coughs | cough | cough
Rain falls, there's no thunder | rain | rain
A motorcycle passes without any horn honking | motorcycle | motorcycle
Without music, a woman sings alone | singing | singing
A drill runs; the hammer cannot be heard | drill | drill
There are no birds or insects, only wind | wind | wind
The dog does not bark, a cat meows | cat | cat
A toilet flushes and there is no water running from the tap | toilet flush | toilet flush
Typing sounds, with the phone not ringing | typing | typing
Footsteps, but no door | footsteps | footsteps
A sheep bleats; no dogs are heard | sheep | sheep
No engine; a bicycle bell rings | bicycle bell | bicycle bell
A rooster crows and there isn't any dog | rooster | rooster
""",
    "possessive": """
The dog's bark echoes | dog | dog
A cat's meow is heard | cat | cat
A man's voice speaks over the rain | speech, rain | speech, rain
The train's horn blares | train | train
A baby's cry fills the room | baby cry | baby cry
The car's engine starts | car, engine | car, engine
The birds' songs fill the air | bird | bird
A woman's laughter rings out | laughter | laughter
The clock's ticking is steady | clock | clock
The helicopter's blades whir | helicopter | helicopter
A rooster's crowing wakes the farm | rooster | rooster
The crowd's cheering grows louder | crowd | crowd, cheering
The piano's notes ring softly | piano | piano
A horse's hooves clatter on stone | horse | horse
The motorcycle's engine roars | motorcycle | motorcycle, engine
The siren's wail fades away | siren | siren
A duck's quack is heard by the pond | duck | duck
The cow's moo echoes across the field | cow | cow
The guitar's strings are strummed | guitar | guitar
A dog's barking and a cat's hissing | dog | dog, cat
The drummer's drums pound | drum | drum
The bell's chime rings out | bell | bell
A frog's croak comes from the pond | frog | frog
The toilet's flush is loud | toilet flush | toilet flush
The vacuum cleaner's motor hums | vacuum cleaner | vacuum cleaner, engine
A goat's bleat is heard | goat | goat
The phone's ringtone plays | telephone | telephone
The violin's melody is slow | violin | violin
A child's laughter and a dog's bark | laughter | laughter, dog
The thunder's rumble is distant | thunder | thunder
An owl's hoot in the night | owl | owl
The engine's revving gets louder | engine | engine
The waves' crashing is constant | ocean | ocean
The bees' buzzing is loud | bee | bee
A pig's oink comes from the barn | pig | pig
The trumpet's fanfare plays | trumpet | trumpet
The chainsaw's whine fills the woods | chainsaw | chainsaw
The lion's roar is loud | lion | lion
A sheep's bleating and the wind's howl | sheep | sheep, wind
The fireworks' explosions are loud | fireworks | fireworks
""",
    "plural": """
Dogs bark in the distance | dog | dog
Several cars pass by | car | car
Birds chirp loudly | bird | bird
Buses idle at a station | bus | bus
Babies cry in a nursery | baby cry | baby cry
Church bells ring | church bell | church bell
Sirens wail in the city | siren | siren
Geese honk as they fly overhead | goose | goose
Cats meow at each other | cat | cat
Trains pass on the tracks | train | train
Horses gallop by | horse | horse
Motorcycles roar past | motorcycle | motorcycle
Mice squeak in the walls | mouse | mouse
Cows moo in the pasture | cow | cow
Frogs croak at night | frog | frog
Crickets chirp in the grass | cricket | cricket
Helicopters fly overhead | helicopter | helicopter
Guitars and drums play together | guitar, drum | guitar, drum
Sheep bleat in the field | sheep | sheep
Trucks rumble down the highway | truck | truck
Ducks quack on the pond | duck | duck
Bees buzz in the garden | bee | bee
Pianos play in the hall | piano | piano
Clocks tick in the room | clock | clock
Roosters crow at dawn | rooster | rooster
Gunshots ring out | gunshot | gunshot
Phones ring in an office | telephone | telephone
Doors slam in the hallway | door | door
Violins play a slow melody | violin | violin
Owls hoot in the forest | owl | owl
Pigs oink in the barn | pig | pig
Goats bleat on the farm | goat | goat
Airplanes fly overhead | airplane | airplane
Waves crash on rocks | ocean | ocean
Explosions sound in the distance | explosion | explosion
Chickens cluck in a coop | chicken | chicken
Drills whir at a construction site | drill | drill
Hammers pound on metal | hammer | hammer
Bicycles pass by on the road | bicycle | bicycle
Lions roar in the distance | lion | lion
""",
    "compound": """
A dog-like growl comes from the bushes | growling | growling
A bird-shaped whistle is blown | whistle | whistle
A cat-like cry is heard | crying | crying
A car-sized machine hums | engine | 
A bell-shaped chime rings | chime | chime
A siren-like tone sounds repeatedly | beep | 
A horse-drawn cart rolls by | horse | 
A piano-like tone plays | music | 
A train-like rumble passes | train | 
A dog-friendly park with birds chirping | bird | bird
A thunder-like boom echoes | boom | boom
A bee-like buzz fills the room | buzz | buzz
A drum-like thumping sound | thump | 
A baby-like cry is heard | crying | crying
A motorcycle-style engine revs | engine | engine
A rain-soaked street with cars passing | car | car
A cow-bell-shaped object clanks | cowbell | 
A duck-shaped toy floats in the bath | duck | 
A phone-shaped speaker plays music | music | music
A horn-like sound blares | vehicle horn | 
A guitar-shaped case falls | guitar | 
Bird-like chirps come from a toy | chirp | chirp
An owl-like hoot echoes | hoot | hoot
A violin-like melody plays | melody | melody
A wind-swept field with sheep bleating | sheep | sheep
A truck-like engine starts | engine | engine
A clock-like ticking sound | ticking | ticking
A gun-shaped lighter clicks | gunshot | 
A cat-shaped clock ticks | clock | clock
A bee-sized drone buzzes | buzz | buzz
A pig-like grunt is heard | grunt | grunt
A frog-like croak comes from the speaker | croak | croak
A dog-shaped robot beeps | dog | 
A lion-like roar is heard | roar | roar
A wave-like whoosh sounds | ocean | 
A goose-like honk blares | honk | honk
A siren-shaped alarm rings | alarm | alarm
A bus-sized truck rumbles | truck | truck
A train-themed toy whistles | whistle | whistle
A fire-like crackling sound | crackle | crackle
""",
    "synonym": """
A puppy yelps | dog | dog
A kitten mews softly | cat | cat
An automobile drives past | car | car
A lorry rumbles by | truck | truck
A motorbike speeds away | motorcycle | motorcycle
An airplane flies over | airplane | airplane
A chopper hovers above | helicopter | helicopter
A cellphone rings | telephone | telephone
A toddler giggles | laughter | laughter
A hound howls at night | dog | dog
A fiddle plays a jig | violin | violin
A vocalist sings | singing | singing
A brook babbles quietly | stream | stream
The breeze rustles the trees | wind | wind
A thunderclap is heard | thunder | thunder
A drizzle falls on the roof | rain | rain
A bumblebee buzzes nearby | bee | bee
A hen clucks in the yard | chicken | chicken
A bull stamps in the field | cow | cow
A lamb bleats | sheep | sheep
A toad croaks | frog | frog
A locomotive chugs along | train | train
Someone is speaking into a microphone | speech | speech
A narrator speaks calmly | speech | speech
People are conversing in a cafe | speech | speech
An audience claps | clapping | clapping, crowd
The faucet is running | water tap | water tap
A motor hums in the background | engine | engine
A gun fires twice | gunshot | gunshot
Heavy rainfall on a tin roof | rain | rain
Birdsong fills the morning | bird | bird
A campfire crackles | fire | fire
Traffic roars on a highway | vehicle | vehicle
The sea crashes against rocks | ocean | ocean
A pianist performs | piano | piano
A drummer plays a beat | drum | drum
An infant cries | baby cry | baby cry
A rat scurries and squeaks | mouse | mouse
A wasp buzzes near the window | bee | bee
A tiger growls | lion | lion
""",
}


def objects(field):
    return sorted({name.strip() for name in field.split(",") if name.strip()})


def main():
    cases = []
    for kind, block in SETS.items():
        for line in block.strip().splitlines():
            caption, labels, truth = (part.strip() for part in line.split("|"))
            cases.append({"kind": kind, "caption": caption, "labels": objects(labels), "objects": objects(truth)})
    assert len(cases) >= 300, len(cases)
    json.dump(cases, __import__("sys").stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
