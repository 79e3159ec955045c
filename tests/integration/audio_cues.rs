//! What the runner hears, on virtual time: the headless app with a recording sound sink. Every cue of
//! the plan sounds once, in order, at its planned time; pausing, skipping and going back move later
//! cues by exactly what they should, and never lose or double one.

use crate::common;
use crate::common::Shot;
use limberup::audio::CueSink;
use limberup::audio::Cued;
use limberup::engine::Event;
use limberup::plan::Plan;
use limberup::routine::Library;

const FIXTURE: &str = "tests/fixtures/screens/player.toml";

/// Remembers every cue event with the names of its sounds.
#[derive(Default)]
struct Recorder {
    heard: Vec<(u64, String, Vec<String>)>,
    /// Cue events that came marked muted.
    muted_cues: usize,
    /// Sounds handed over to decode, with how many cues had played by then.
    prepared: Vec<(usize, Vec<String>)>,
}

impl CueSink for Recorder {
    fn play(&mut self, cued: &Cued, muted: bool) {
        if let Event::Cue { cue, at, .. } = cued.event {
            self.muted_cues += usize::from(muted);
            let sounds = cued.sounds.iter().map(|s| s.name().to_owned()).collect();
            self.heard
                .push((at.as_millis(), cue.as_str().to_owned(), sounds));
        }
    }

    fn prepare(&mut self, sounds: Vec<limberup::audio::Sound>) {
        let names = sounds.iter().map(|s| s.name().to_owned()).collect();
        self.prepared.push((self.heard.len(), names));
    }
}

/// The cues heard playing the fixture with these keys until `until` seconds.
fn heard(keys: &str, until: u64) -> Vec<(u64, String)> {
    recorder(keys, until)
        .heard
        .into_iter()
        .map(|(at, cue, sounds)| {
            assert!(!sounds.is_empty(), "cue {cue} at {at} plays a sound");
            (at, cue)
        })
        .collect()
}

fn recorder(keys: &str, until: u64) -> Recorder {
    let mut recorder = Recorder::default();
    Shot::new()
        .routine(FIXTURE)
        .keys(keys)
        .at_with(&until.to_string(), &mut recorder);
    recorder
}

/// The fixture's cues as the plan puts them, with the open-ended step done at 200 s.
fn planned() -> Vec<(u64, String)> {
    let library = Library::load(None).expect("the built-in library loads");
    let plan = Plan::build(&library.resolve(FIXTURE).expect("fixture loads"));
    let mut cues: Vec<(u64, String)> = plan
        .segments
        .iter()
        .flat_map(|s| {
            s.cues()
                .into_iter()
                .map(move |(offset, cue)| (s.start_ms + offset, cue.as_str().to_owned()))
        })
        .collect();
    cues.push((200_000, "done".to_owned()));
    cues
}

fn shifted(cues: &[(u64, String)], from: u64, by: i64) -> Vec<(u64, String)> {
    cues.iter()
        .filter(|(at, _)| *at >= from)
        .map(|(at, cue)| (at.saturating_add_signed(by * 1000), cue.clone()))
        .collect()
}

fn before(cues: &[(u64, String)], until: u64) -> Vec<(u64, String)> {
    cues.iter().filter(|(at, _)| *at < until).cloned().collect()
}

#[test]
fn every_planned_cue_sounds_once_at_its_time() {
    let heard = heard("enter@200", 210);
    assert_eq!(heard, planned());
    assert!(
        heard.len() > 20,
        "the fixture has plenty of cues: {}",
        heard.len()
    );
}

#[test]
fn pausing_shifts_later_cues_by_the_pause() {
    // Paused from 10.5 s to 17.5 s: everything after moves 7 s later.
    let baseline = planned();
    let mut expected = before(&baseline, 10_500);
    expected.extend(shifted(&baseline, 10_500, 7));
    assert_eq!(heard("space@10.5,space@17.5,enter@207", 220), expected);
}

#[test]
fn skipping_drops_the_rest_of_the_segment_and_moves_on() {
    // `n` at 21 s in the first set (5-41 s; a rep every 3 s): its later reps, halfway and ticks never
    // sound; the set rest starts now.
    let baseline = planned();
    let mut expected = before(&baseline, 21_000);
    expected.extend(shifted(&baseline, 41_000, -20));
    assert_eq!(heard("n@21,enter@180", 190), expected);
}

#[test]
fn going_back_replays_the_previous_segment_once() {
    // `p` at 50 s, in the set rest: set 1 starts again at 50 s (it started at 5 s before).
    let baseline = planned();
    let mut expected = before(&baseline, 50_000);
    expected.extend(shifted(&baseline, 5_000, 45));
    assert_eq!(heard("p@50,enter@245", 260), expected);
}

#[test]
fn muted_cues_still_reach_the_sink_marked_muted() {
    // The player decides what to do with a muted cue (nothing); the app still reports every one.
    let recorder = recorder("m@1,enter@200", 210);
    assert_eq!(recorder.heard.len(), planned().len());
    assert_eq!(recorder.muted_cues, recorder.heard.len());
    assert_eq!(self::recorder("enter@200", 210).muted_cues, 0);
}

/// A sink whose device is missing.
struct NoDevice;

impl CueSink for NoDevice {
    fn play(&mut self, _cued: &Cued, _muted: bool) {}
    fn problem(&self) -> Option<String> {
        Some("no sound device: cues show on screen".to_owned())
    }
}

fn screen_with(sink: &mut dyn CueSink, keys: &str, at: &str) -> String {
    Shot::new().routine(FIXTURE).keys(keys).at_with(at, sink)
}

#[test]
fn without_sound_the_footer_says_so_and_cues_light_up_the_panel() {
    // 5 s: set 1 of the band row starts; the start cue shows in capitals on the lit border.
    insta::assert_snapshot!(screen_with(&mut NoDevice, "", "5.5"));
}

#[test]
fn muted_cues_light_up_the_panel_too() {
    let text = screen_with(&mut Recorder::default(), "m@1", "5.5");
    assert!(text.contains("♪ START"), "{text}");
    let unmuted = screen_with(&mut Recorder::default(), "", "5.5");
    assert!(unmuted.contains("♪ start"), "{unmuted}");
    assert!(!unmuted.contains("no sound device"), "{unmuted}");
}

/// A step's own sound is decoded when its routine starts (before any cue), once, and never before;
/// the exercise names are made ready with it (the runner's own are said by a speech program).
#[test]
fn a_routine_s_own_sounds_are_prepared_as_it_starts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let routine = "name = \"Own\"\nkind = \"stretch\"\n[[steps]]\nname = \"A\"\nduration = \"5s\"\nsound = \"bell.wav\"\n[[steps]]\nname = \"B\"\nduration = \"5s\"\nsound = \"bell.wav\"\n";
    std::fs::write(dir.path().join("own.toml"), routine).expect("write");
    std::fs::write(
        dir.path().join("bell.wav"),
        common::crafted::wav_tone(1, 44_100, 4_410),
    )
    .expect("write");
    let path = dir.path().join("own.toml");
    let mut recorder = Recorder::default();
    Shot::new()
        .routine(path.to_str().expect("UTF-8 path"))
        .at_with("30", &mut recorder);
    let prepared = ["bell.wav", "A", "B"].map(str::to_owned).to_vec();
    assert_eq!(recorder.prepared, vec![(0, prepared)]);
    assert!(
        recorder
            .heard
            .iter()
            .any(|(_, _, s)| s.contains(&"bell.wav".to_owned()))
    );
}
