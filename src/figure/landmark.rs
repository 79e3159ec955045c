//! Named points of the body: what a pose says touches the floor, and what `exercises ID --json` prints.

use super::body::{Limbs, Point, Skeleton, length};

/// A named point of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Landmark {
    /// The head; as a contact, the side of the skull nearest the floor.
    Head,
    /// The base of the neck, between the shoulders (the upper back, lying down).
    Neck,
    MidBack,
    Pelvis,
    Left(Part),
    Right(Part),
}

/// A point of one arm or leg.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Shoulder,
    Elbow,
    Wrist,
    Hand,
    Hip,
    Knee,
    Ankle,
    /// The back of the sole. The body has no heel bone of its own: its ankle stands on the floor, so
    /// the heel is where the ankle is.
    Heel,
    Toe,
}

const PARTS: [(&str, Part); 9] = [
    ("shoulder", Part::Shoulder),
    ("elbow", Part::Elbow),
    ("wrist", Part::Wrist),
    ("hand", Part::Hand),
    ("hip", Part::Hip),
    ("knee", Part::Knee),
    ("ankle", Part::Ankle),
    ("heel", Part::Heel),
    ("toe", Part::Toe),
];

impl Landmark {
    /// Every landmark, the middle of the body first, then the left side and the right.
    pub fn all() -> Vec<Landmark> {
        let middle = [
            Landmark::Head,
            Landmark::Neck,
            Landmark::MidBack,
            Landmark::Pelvis,
        ];
        let sides = [Landmark::Left as fn(Part) -> Landmark, Landmark::Right];
        middle
            .into_iter()
            .chain(
                sides
                    .into_iter()
                    .flat_map(|side| PARTS.iter().map(move |&(_, part)| side(part))),
            )
            .collect()
    }

    pub fn name(self) -> String {
        let part_name = |part: Part| {
            PARTS
                .iter()
                .find(|(_, p)| *p == part)
                .map_or("", |(name, _)| *name)
        };
        match self {
            Landmark::Head => "head".to_owned(),
            Landmark::Neck => "neck".to_owned(),
            Landmark::MidBack => "mid_back".to_owned(),
            Landmark::Pelvis => "pelvis".to_owned(),
            Landmark::Left(part) => format!("left_{}", part_name(part)),
            Landmark::Right(part) => format!("right_{}", part_name(part)),
        }
    }

    pub fn from_name(name: &str) -> Option<Landmark> {
        Landmark::all().into_iter().find(|l| l.name() == name)
    }

    /// Where the landmark is (the head's centre).
    pub fn on(self, body: &Skeleton) -> Point {
        match self {
            Landmark::Head => body.head,
            Landmark::Neck => body.neck_base,
            Landmark::MidBack => body.mid_back,
            Landmark::Pelvis => body.pelvis,
            Landmark::Left(part) => part_of(&body.left, part),
            Landmark::Right(part) => part_of(&body.right, part),
        }
    }

    /// The landmark's lowest point, where it rests on the floor: the head's is the skull's underside.
    pub fn resting_point(self, body: &Skeleton) -> Point {
        let point = self.on(body);
        if self == Landmark::Head {
            point.shifted(0.0, -length::HEAD_RADIUS)
        } else {
            point
        }
    }
}

fn part_of(limbs: &Limbs, part: Part) -> Point {
    match part {
        Part::Shoulder => limbs.shoulder,
        Part::Elbow => limbs.elbow,
        Part::Wrist => limbs.wrist,
        Part::Hand => limbs.fingers,
        Part::Hip => limbs.hip,
        Part::Knee => limbs.knee,
        Part::Ankle | Part::Heel => limbs.ankle,
        Part::Toe => limbs.toes,
    }
}
