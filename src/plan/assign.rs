//! The optimal assignment of stories to a loop's question slots.
//!
//! Each round of the loop asks `capacity` of its likely questions; each question asked gets
//! one story; no story is told twice in the loop; the total strength of the stories told is
//! the largest possible. A greedy pass (each round takes its best free story in turn) is not
//! enough: the first round can take the one story that is the only adequate answer of a
//! later round while it had an almost-as-good other choice, and the loop loses a round's
//! answer for a sliver of strength.
//!
//! The problem is a maximum-weight matching with a capacity per round, solved exactly with
//! the Kuhn-Munkres (Hungarian) method of the `pathfinding` crate, in O(q² · (s + q)) for q
//! likely questions and s stories. Rows are the loop's likely questions; columns are the
//! stories, then per round "not asked" columns (as many as the round has likely questions
//! beyond its capacity, usable by that round's questions only, each worth a bonus larger
//! than any total strength so every one of them is used), then one "no story" column per
//! question (worth 0). An optimal matching therefore leaves exactly the round's excess
//! questions unasked and gives the remaining ones the distinct stories of largest total
//! strength.

use pathfinding::kuhn_munkres::{kuhn_munkres, Weights};

/// Strengths are matched as integers: this many units per 1.0 of strength.
pub const UNITS: f32 = 10_000.0;

/// A strength (0..1) in matching units.
pub fn units(strength: f32) -> i64 {
    (f64::from(strength.clamp(0.0, 1.0)) * f64::from(UNITS)).round() as i64
}

/// What to assign: per round, how many questions it asks and which questions it may ask
/// (indexes into the rows of `strength`, each question in one round at most), and each
/// question's strength per story (`strength[question][story]`, in [`units`]).
#[derive(Debug, Clone)]
pub struct Problem {
    pub rounds: Vec<RoundSlots>,
    pub strength: Vec<Vec<i64>>,
    pub stories: usize,
}

#[derive(Debug, Clone)]
pub struct RoundSlots {
    pub capacity: usize,
    pub questions: Vec<usize>,
}

/// One asked question of a round and its story (`None`: no story with any strength is left).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub round: usize,
    pub question: usize,
    pub story: Option<usize>,
}

/// The optimal plan's slots, in round order, and their total strength (units).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub slots: Vec<Slot>,
    pub total: i64,
}

enum Column {
    Story(usize),
    NotAsked(usize),
    NoStory,
}

/// The weight matrix, computed on demand: a bank of 10,000 stories never needs a copy.
struct Matrix<'a> {
    problem: &'a Problem,
    /// Row to (round, question).
    rows: Vec<(usize, usize)>,
    /// The "not asked" columns, by the round each belongs to.
    not_asked: Vec<usize>,
    bonus: i64,
    forbidden: i64,
}

impl Matrix<'_> {
    fn column(&self, col: usize) -> Column {
        let stories = self.problem.stories;
        if col < stories {
            Column::Story(col)
        } else if col < stories + self.not_asked.len() {
            Column::NotAsked(self.not_asked[col - stories])
        } else {
            Column::NoStory
        }
    }
}

impl Weights<i64> for Matrix<'_> {
    fn rows(&self) -> usize {
        self.rows.len()
    }

    fn columns(&self) -> usize {
        self.problem.stories + self.not_asked.len() + self.rows.len()
    }

    fn at(&self, row: usize, col: usize) -> i64 {
        let (round, question) = self.rows[row];
        match self.column(col) {
            Column::Story(story) => self.problem.strength[question][story],
            Column::NotAsked(owner) if owner == round => self.bonus,
            Column::NotAsked(_) => self.forbidden,
            Column::NoStory => 0,
        }
    }

    fn neg(&self) -> Self {
        unreachable!("kuhn_munkres maximises: it never negates the weights")
    }
}

/// The assignment of largest total strength (see the module docs).
pub fn assign(problem: &Problem) -> Assignment {
    let mut rows = Vec::new();
    let mut not_asked = Vec::new();
    for (round, slots) in problem.rounds.iter().enumerate() {
        if slots.capacity == 0 {
            continue;
        }
        rows.extend(slots.questions.iter().map(|&q| (round, q)));
        not_asked.extend(std::iter::repeat_n(
            round,
            slots.questions.len().saturating_sub(slots.capacity),
        ));
    }
    if rows.is_empty() {
        return Assignment {
            slots: Vec::new(),
            total: 0,
        };
    }
    // Larger than any total strength, so using every "not asked" column always wins; and a
    // forbidden cell costs more than all bonuses together. Both stay far from overflow:
    // strengths are at most UNITS each.
    let most = rows.len() as i64 * units(1.0);
    let bonus = most + 1;
    let forbidden = -(bonus * (rows.len() as i64 + 1));
    let matrix = Matrix {
        problem,
        rows,
        not_asked,
        bonus,
        forbidden,
    };
    let (_, columns) = kuhn_munkres(&matrix);
    let mut slots = Vec::new();
    let mut total = 0;
    for (row, col) in columns.into_iter().enumerate() {
        let (round, question) = matrix.rows[row];
        let story = match matrix.column(col) {
            Column::NotAsked(_) => continue,
            Column::NoStory => None,
            Column::Story(story) => Some(story).filter(|&s| problem.strength[question][s] > 0),
        };
        total += story.map_or(0, |s| problem.strength[question][s]);
        slots.push(Slot {
            round,
            question,
            story,
        });
    }
    slots.sort_by_key(|slot| {
        let order = problem.rounds[slot.round]
            .questions
            .iter()
            .position(|&q| q == slot.question);
        (slot.round, order)
    });
    Assignment { slots, total }
}

/// A backup for each slot: the stories not told anywhere in the loop, assigned to the slots'
/// questions for the largest total strength, at most one slot each (a backup that two
/// rounds count on is no backup). `None` where no untold story has any strength left.
pub fn backups(problem: &Problem, told: &[Slot]) -> Vec<Option<usize>> {
    let used: Vec<bool> = {
        let mut used = vec![false; problem.stories];
        for story in told.iter().filter_map(|s| s.story) {
            used[story] = true;
        }
        used
    };
    let free: Vec<usize> = (0..problem.stories).filter(|&s| !used[s]).collect();
    if told.is_empty() {
        return Vec::new();
    }
    struct Backups<'a> {
        problem: &'a Problem,
        told: &'a [Slot],
        free: &'a [usize],
    }
    impl Weights<i64> for Backups<'_> {
        fn rows(&self) -> usize {
            self.told.len()
        }
        fn columns(&self) -> usize {
            self.free.len() + self.told.len()
        }
        fn at(&self, row: usize, col: usize) -> i64 {
            match self.free.get(col) {
                Some(&story) => self.problem.strength[self.told[row].question][story],
                None => 0,
            }
        }
        fn neg(&self) -> Self {
            unreachable!("kuhn_munkres maximises: it never negates the weights")
        }
    }
    let matrix = Backups {
        problem,
        told,
        free: &free,
    };
    let (_, columns) = kuhn_munkres(&matrix);
    columns
        .into_iter()
        .enumerate()
        .map(|(row, col)| {
            let story = *free.get(col)?;
            (problem.strength[told[row].question][story] > 0).then_some(story)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator: the tests need varied instances, not a crate.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    fn random_problem(rng: &mut Rng) -> Problem {
        let rounds = 1 + rng.below(3) as usize;
        let stories = rng.below(6) as usize;
        let mut question = 0;
        let rounds: Vec<RoundSlots> = (0..rounds)
            .map(|_| {
                let count = rng.below(4) as usize;
                let questions: Vec<usize> = (question..question + count).collect();
                question += count;
                RoundSlots {
                    capacity: rng.below(4) as usize,
                    questions,
                }
            })
            .collect();
        let strength = (0..question)
            .map(|_| {
                (0..stories)
                    .map(|_| {
                        // Many zeros and many ties, as real banks have.
                        match rng.below(4) {
                            0 => 0,
                            1 => 2_500,
                            _ => rng.below(10_001) as i64,
                        }
                    })
                    .collect()
            })
            .collect();
        Problem {
            rounds,
            strength,
            stories,
        }
    }

    /// The best total by trying every way to give each question a distinct story or none,
    /// within each round's capacity.
    fn brute_force(problem: &Problem) -> i64 {
        let rows: Vec<(usize, usize)> = problem
            .rounds
            .iter()
            .enumerate()
            .flat_map(|(r, slots)| slots.questions.iter().map(move |&q| (r, q)))
            .collect();
        fn go(
            problem: &Problem,
            rows: &[(usize, usize)],
            used: &mut Vec<bool>,
            asked: &mut Vec<usize>,
        ) -> i64 {
            let Some(&(round, question)) = rows.first() else {
                return 0;
            };
            let mut best = go(problem, &rows[1..], used, asked);
            if asked[round] < problem.rounds[round].capacity {
                for story in 0..problem.stories {
                    if used[story] {
                        continue;
                    }
                    used[story] = true;
                    asked[round] += 1;
                    let value =
                        problem.strength[question][story] + go(problem, &rows[1..], used, asked);
                    asked[round] -= 1;
                    used[story] = false;
                    best = best.max(value);
                }
            }
            best
        }
        go(
            problem,
            &rows,
            &mut vec![false; problem.stories],
            &mut vec![0; problem.rounds.len()],
        )
    }

    #[test]
    fn the_assignment_is_optimal_and_never_repeats_a_story_on_random_instances() {
        let mut rng = Rng(0x5eed_1234_abcd_ef01);
        for case in 0..2_000 {
            let problem = random_problem(&mut rng);
            let found = assign(&problem);
            assert_eq!(
                found.total,
                brute_force(&problem),
                "case {case}: {problem:?}"
            );
            let mut told: Vec<usize> = found.slots.iter().filter_map(|s| s.story).collect();
            let count = told.len();
            told.sort_unstable();
            told.dedup();
            assert_eq!(told.len(), count, "case {case}: a story told twice");
            for (r, slots) in problem.rounds.iter().enumerate() {
                let asked = found.slots.iter().filter(|s| s.round == r).count();
                assert_eq!(
                    asked,
                    slots.capacity.min(slots.questions.len()),
                    "case {case}: round {r} asks its capacity"
                );
            }
            let recomputed: i64 = found
                .slots
                .iter()
                .filter_map(|s| s.story.map(|story| problem.strength[s.question][story]))
                .sum();
            assert_eq!(recomputed, found.total);
            let backups = backups(&problem, &found.slots);
            assert_eq!(backups.len(), found.slots.len());
            for backup in backups.iter().flatten() {
                assert!(!told.contains(backup), "case {case}: a backup is also told");
            }
            let mut spare: Vec<usize> = backups.iter().flatten().copied().collect();
            let spares = spare.len();
            spare.sort_unstable();
            spare.dedup();
            assert_eq!(spare.len(), spares, "case {case}: a backup backs two slots");
        }
    }

    #[test]
    fn greedy_would_lose_a_round_the_optimum_keeps() {
        // Round 0 slightly prefers story 0, which is round 1's only answer.
        let problem = Problem {
            rounds: vec![
                RoundSlots {
                    capacity: 1,
                    questions: vec![0],
                },
                RoundSlots {
                    capacity: 1,
                    questions: vec![1],
                },
            ],
            strength: vec![vec![6_000, 5_900], vec![5_000, 0]],
            stories: 2,
        };
        let found = assign(&problem);
        assert_eq!(found.total, 10_900);
        assert_eq!(found.slots[0].story, Some(1));
        assert_eq!(found.slots[1].story, Some(0));
    }

    #[test]
    fn empty_and_tiny_problems_do_not_panic() {
        let none = Problem {
            rounds: vec![],
            strength: vec![],
            stories: 0,
        };
        assert_eq!(assign(&none).slots, []);
        let no_stories = Problem {
            rounds: vec![RoundSlots {
                capacity: 2,
                questions: vec![0, 1, 2],
            }],
            strength: vec![vec![], vec![], vec![]],
            stories: 0,
        };
        let found = assign(&no_stories);
        assert_eq!(found.slots.len(), 2);
        assert!(found.slots.iter().all(|s| s.story.is_none()));
        assert_eq!(backups(&no_stories, &found.slots), [None, None]);
    }
}
