//! Unit tests of the ghost: the start pose drawn dotted behind a moving body (issue 25, point 3).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::Widget;

use super::tests::squat;
use super::*;

const BODY: Color = Color::Rgb(240, 240, 240);
const PROPS: Color = Color::Rgb(160, 160, 160);
const BACKGROUND: Color = Color::Rgb(0, 0, 0);

fn drawn(view: &FigureView) -> Buffer {
    let area = Rect::new(0, 0, 40, 20);
    let mut buffer = Buffer::empty(area);
    view.render(area, &mut buffer);
    buffer
}

fn cells_in(buffer: &Buffer, color: Color) -> usize {
    buffer
        .content()
        .iter()
        .filter(|cell| cell.fg == color && cell.symbol() != " ")
        .count()
}

#[test]
fn the_ghost_is_the_body_at_the_first_key_pose() {
    let figure = squat();
    let at_bottom = figure.scene_at(0.5, false);
    let at_start = figure.scene_at(0.0, false);
    assert!(!at_bottom.ghost.is_empty());
    // The same ghost whatever the moment: where the movement starts from.
    assert_eq!(at_bottom.ghost, at_start.ghost);
    // It is the start's body, near and far limbs alike.
    let start_body: Vec<Shape> = at_start.body.iter().chain(&at_start.far).copied().collect();
    for shape in &at_start.ghost {
        if let Shape::Line(..) = shape {
            assert!(start_body.contains(shape), "{shape:?}");
        }
    }
    // The other side's ghost is mirrored with the body.
    assert_eq!(figure.scene_at(0.5, true).ghost, at_bottom.mirrored().ghost);
}

#[test]
fn a_hold_or_a_single_pose_has_no_ghost() {
    let hold = Figure {
        motion: Motion::Hold,
        ..squat()
    };
    assert!(hold.scene_at(0.5, false).ghost.is_empty());
    let one_pose = Figure {
        poses: squat().poses[..1].to_vec(),
        ..squat()
    };
    assert!(one_pose.scene_at(0.5, false).ghost.is_empty());
}

#[test]
fn the_ghost_is_drawn_only_when_asked_in_the_props_colour_and_under_the_body() {
    let figure = squat();
    let plain = FigureView::new(&figure, 0.5, false).colors(BODY, PROPS, BACKGROUND);
    let with_ghost = plain.clone().with_ghost();
    let (without, with) = (drawn(&plain), drawn(&with_ghost));
    // The floor is the only thing in the props' colour without the ghost.
    assert!(cells_in(&with, PROPS) > cells_in(&without, PROPS) + 5);
    // The moving body keeps every cell of its own: the ghost goes under it.
    assert_eq!(cells_in(&with, BODY), cells_in(&without, BODY));
    // At the start the ghost lies under the body and adds little.
    let at_start = drawn(
        &FigureView::new(&figure, 0.0, false)
            .colors(BODY, PROPS, BACKGROUND)
            .with_ghost(),
    );
    assert!(cells_in(&at_start, PROPS) < cells_in(&with, PROPS));
}

#[test]
fn the_ghost_is_dotted_not_a_second_solid_body() {
    // Alone (the body drawn off to one side of it), the ghost's cells hold fewer braille dots than
    // the solid body's.
    let figure = squat();
    let view = FigureView::new(&figure, 0.5, false)
        .colors(BODY, PROPS, BACKGROUND)
        .with_ghost();
    let buffer = drawn(&view);
    let dots = |color: Color| -> u32 {
        buffer
            .content()
            .iter()
            .filter(|cell| cell.fg == color)
            .filter_map(|cell| cell.symbol().chars().next())
            .filter(|c| ('\u{2801}'..='\u{28FF}').contains(c))
            .map(|c| (u32::from(c) - 0x2800).count_ones())
            .sum()
    };
    let cells = |color: Color| u32::try_from(cells_in(&buffer, color)).unwrap_or(u32::MAX);
    let ghost_density = f64::from(dots(PROPS)) / f64::from(cells(PROPS));
    let body_density = f64::from(dots(BODY)) / f64::from(cells(BODY));
    assert!(
        ghost_density < body_density,
        "{ghost_density} {body_density}"
    );
}
