//! Search quality on the labelled development set in `tests/devset`: 48 stories written
//! without looking at the question bank's keywords, each labelled with the question it
//! answers (3 per question, 16 questions, both levels).
//!
//! For every labelled question we search three ways and measure precision at 1 (is the top
//! story one written for the question?) and mean reciprocal rank (1 / rank of the first
//! story written for it). Run `cargo test --test it search_quality -- --nocapture` for the
//! figures. The floors sit a little under the measured values so a regression fails.

use std::collections::BTreeMap;
use std::path::Path;

use starbank::bank::Bank;
use starbank::index::{map_bank, SearchQuery, StoryIndex};
use starbank::prompts::Prompts;

struct Devset {
    bank: Bank,
    prompts: Prompts,
    index: StoryIndex,
    /// question id -> the stories written for it
    relevant: BTreeMap<String, Vec<String>>,
}

fn devset() -> Devset {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset");
    let bank = Bank::load(&root.join("stories")).expect("devset loads");
    assert!(bank.errors.is_empty(), "{:?}", bank.errors);
    let labels: BTreeMap<String, String> =
        ron::from_str(&std::fs::read_to_string(root.join("labels.ron")).unwrap()).unwrap();
    let mut relevant: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (story, question) in labels {
        assert!(
            bank.story(&story).is_some(),
            "labelled story {story} exists"
        );
        relevant.entry(question).or_default().push(story);
    }
    assert!(bank.stories.len() >= 40 && relevant.len() >= 10);
    let prompts = Prompts::builtin();
    let index = StoryIndex::build(&bank.stories, &prompts).unwrap();
    Devset {
        bank,
        prompts,
        index,
        relevant,
    }
}

#[derive(Debug, Clone, Copy)]
struct Figures {
    precision_at_1: f64,
    mrr: f64,
}

/// P@1 and MRR of `make_query` over every labelled question.
fn measure(set: &Devset, make_query: impl Fn(&str) -> SearchQuery) -> Figures {
    let (mut top_right, mut reciprocal) = (0.0, 0.0);
    for (question, stories) in &set.relevant {
        let mut query = make_query(question);
        query.limit = set.bank.stories.len();
        let hits = set.index.search(&query);
        if let Some(rank) = hits.iter().position(|hit| stories.contains(&hit.id)) {
            reciprocal += 1.0 / (rank + 1) as f64;
            if rank == 0 {
                top_right += 1.0;
            }
        }
    }
    let n = set.relevant.len() as f64;
    Figures {
        precision_at_1: top_right / n,
        mrr: reciprocal / n,
    }
}

fn question_text(set: &Devset, id: &str) -> String {
    set.prompts
        .question(id)
        .expect("labelled question exists")
        .text
        .clone()
}

fn report(name: &str, figures: Figures) {
    eprintln!(
        "search quality: {name:<32} P@1 {:.3}  MRR {:.3}",
        figures.precision_at_1, figures.mrr
    );
}

#[test]
fn searching_by_question_id_ranks_the_stories_written_for_it_first() {
    let set = devset();
    let figures = measure(&set, |id| SearchQuery::question(id));
    report("--question ID", figures);
    // Measured: P@1 0.688 (11 of 16), MRR 0.792. Two more misses fail.
    assert!(figures.precision_at_1 >= 0.62, "{figures:?}");
    assert!(figures.mrr >= 0.75, "{figures:?}");
}

#[test]
fn free_text_questions_find_their_stories_and_expansion_helps() {
    let set = devset();
    let expanded = measure(&set, |id| SearchQuery::text(question_text(&set, id)));
    let plain = measure(&set, |id| SearchQuery {
        expand: false,
        ..SearchQuery::text(question_text(&set, id))
    });
    report("question text, expanded", expanded);
    report("question text, no expansion", plain);
    // Measured: expanded P@1 0.625, MRR 0.792; plain P@1 0.562, MRR 0.686. (0.750 and 0.849
    // with borrowed keywords at half weight instead of a quarter: real interviewers'
    // questions, `search_real`, rank better at a quarter once concept cues carry the topic,
    // and this set was written here.)
    assert!(expanded.precision_at_1 >= 0.56, "{expanded:?}");
    assert!(expanded.mrr >= 0.75, "{expanded:?}");
    assert!(plain.mrr >= 0.62, "{plain:?}");
    // Expansion is the reason the question bank has keywords: it must earn its place.
    assert!(
        expanded.mrr > plain.mrr,
        "expanded {expanded:?} vs plain {plain:?}"
    );
}

#[test]
fn the_adequate_threshold_separates_written_for_from_written_for_others() {
    let set = devset();
    let map = map_bank(&set.index, &set.bank.stories, &set.prompts, None);
    let (mut relevant, mut relevant_adequate, mut other, mut other_adequate) = (0, 0, 0, 0);
    for (question, stories) in &set.relevant {
        let matches = map
            .questions
            .iter()
            .find(|q| &q.question_id == question)
            .unwrap();
        for found in &matches.ranked {
            let adequate = found.adequate(map.threshold);
            if stories.contains(&found.story_id) {
                relevant += 1;
                relevant_adequate += usize::from(adequate);
            } else {
                other += 1;
                other_adequate += usize::from(adequate);
            }
        }
    }
    let recall = relevant_adequate as f64 / relevant as f64;
    let false_rate = other_adequate as f64 / other as f64;
    eprintln!(
        "adequate (strength >= {}): {relevant_adequate}/{relevant} stories written for the question ({recall:.3}), {other_adequate}/{other} written for another ({false_rate:.3})",
        map.threshold
    );
    // Measured: 0.854 and 0.129.
    assert!(recall >= 0.8, "{recall}");
    assert!(false_rate <= 0.15, "{false_rate}");
}

/// "Adequate" means the same in a bank of 15 stories and in one of 10,000: each bundled
/// story's strength for every question is the same alone and among 10,000 generated
/// stories (the generator writes in the bundled stories' vocabulary, so BM25's idf and
/// average length move a lot between the two banks).
#[test]
fn strength_reads_the_same_in_a_bank_of_15_and_of_10_000() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bundled = Bank::load(&root.join("stories")).expect("bundled stories load");
    let prompts = Prompts::builtin();
    let alone = StoryIndex::build(&bundled.stories, &prompts).unwrap();
    let generated = starbank::generate::cached_bank(Path::new(env!("CARGO_TARGET_TMPDIR")), 10_000)
        .expect("generated bank");
    let mut large = Bank::load(&generated).expect("generated bank loads");
    assert_eq!(large.stories.len(), 10_000);
    large.stories.extend(bundled.stories.iter().cloned());
    let among = StoryIndex::build(&large.stories, &prompts).unwrap();

    let (mut pairs, mut adequate_alone, mut agree) = (0, 0, 0);
    for question in &prompts.questions {
        let small = alone.question_strengths(&question.id);
        let big = among.question_strengths(&question.id);
        for story in &bundled.stories {
            let a = small.get(&story.id).copied().unwrap_or(0.0);
            let b = big.get(&story.id).copied().unwrap_or(0.0);
            pairs += 1;
            adequate_alone += usize::from(a >= starbank::index::ADEQUATE);
            agree +=
                usize::from((a >= starbank::index::ADEQUATE) == (b >= starbank::index::ADEQUATE));
            assert!(
                (a - b).abs() < 1e-4,
                "{} for {}: {a} alone, {b} among 10,000",
                story.id,
                question.id
            );
        }
    }
    eprintln!("{agree}/{pairs} question-story pairs agree on adequacy ({adequate_alone} adequate)");
    assert!(adequate_alone > 0);
}
