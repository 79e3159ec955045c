//! Key scripts and virtual times for `snapshot`: `space@5,n@31.5,enter@1m`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::duration::parse_duration;
use crate::engine::Millis;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScriptError {
    #[error("`{0}` is not a time: use seconds like 12 or 12.5, or 1m30s")]
    Time(String),
    #[error(
        "`{0}` is not a key: use space, enter, esc, tab, backspace, left, right, up, down, ctrl-c or a single character"
    )]
    Key(String),
    #[error("`{0}` needs a time: write KEY@TIME, such as space@5")]
    MissingTime(String),
}

/// A time in seconds (`12`, `12.5`) or a duration (`1m30s`), to milliseconds.
pub fn parse_time(text: &str) -> Result<Millis, ScriptError> {
    let text = text.trim();
    let error = || ScriptError::Time(text.to_owned());
    if text.is_empty() {
        return Err(error());
    }
    if text.chars().all(|c| c.is_ascii_digit() || c == '.') {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        if whole.is_empty() && fraction.is_empty() || fraction.contains('.') || fraction.len() > 3 {
            return Err(error());
        }
        let seconds: u64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| error())?
        };
        let millis: u64 = if fraction.is_empty() {
            0
        } else {
            format!("{fraction:0<3}").parse().map_err(|_| error())?
        };
        return seconds
            .checked_mul(1000)
            .and_then(|s| s.checked_add(millis))
            .ok_or_else(error);
    }
    parse_duration(text)
        .map(crate::duration::Secs::millis)
        .map_err(|_| error())
}

/// `--- t=12.0s ---`: the time as seconds with one decimal.
pub fn time_label(at: Millis) -> String {
    let tenths = at.saturating_add(50) / 100;
    format!("{}.{}", tenths / 10, tenths % 10)
}

pub fn parse_key(text: &str) -> Result<KeyEvent, ScriptError> {
    let code = match text {
        "space" => KeyCode::Char(' '),
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backspace" => KeyCode::Backspace,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "ctrl-c" => return Ok(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        single if single.chars().count() == 1 => {
            KeyCode::Char(single.chars().next().unwrap_or(' '))
        }
        other => return Err(ScriptError::Key(other.to_owned())),
    };
    Ok(KeyEvent::new(code, KeyModifiers::NONE))
}

/// `space@5,n@31` to timed key presses, in the order written.
pub fn parse_script(script: &str) -> Result<Vec<(Millis, KeyEvent)>, ScriptError> {
    script
        .split(',')
        .filter(|item| !item.trim().is_empty())
        .map(|item| {
            let item = item.trim();
            // Split at the last `@`, so the key `@` itself can be scripted as `@@5`.
            let (key, time) = item
                .rsplit_once('@')
                .ok_or_else(|| ScriptError::MissingTime(item.to_owned()))?;
            Ok((parse_time(time)?, parse_key(key)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(parse_time("12"), Ok(12_000));
        assert_eq!(parse_time("12.5"), Ok(12_500));
        assert_eq!(parse_time("0.25"), Ok(250));
        assert_eq!(parse_time("1m30s"), Ok(90_000));
        assert_eq!(parse_time("1:30"), Ok(90_000));
        assert!(parse_time("-1").is_err());
        assert!(parse_time("1.2.3").is_err());
        assert!(parse_time("soon").is_err());
        assert!(parse_time(".").is_err());
        assert_eq!(time_label(12_000), "12.0");
        assert_eq!(time_label(90_550), "90.6");
        assert_eq!(time_label(90_549), "90.5");
    }

    #[test]
    fn scripts() {
        let script = parse_script("space@5,n@31.5,enter@1m,ctrl-c@70,q@71,@@72").expect("valid");
        let codes: Vec<(Millis, KeyCode)> = script.iter().map(|(t, k)| (*t, k.code)).collect();
        assert_eq!(
            codes,
            vec![
                (5_000, KeyCode::Char(' ')),
                (31_500, KeyCode::Char('n')),
                (60_000, KeyCode::Enter),
                (70_000, KeyCode::Char('c')),
                (71_000, KeyCode::Char('q')),
                (72_000, KeyCode::Char('@')),
            ]
        );
        assert_eq!(script[3].1.modifiers, KeyModifiers::CONTROL);
        assert_eq!(
            parse_script("space"),
            Err(ScriptError::MissingTime("space".into()))
        );
        assert_eq!(
            parse_script("shift@2"),
            Err(ScriptError::Key("shift".into()))
        );
    }
}
