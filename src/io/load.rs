//! Reading a plan: bytes → text → JSON → schema → model, refusing anything
//! broken with an error that names the place.

use std::path::Path;

use serde_json::Value;

use super::error::{FileLoadError, LoadError};
use super::outline::{PlanOutline, StageOutline, parse_outline};
use super::read::{decode_text, read_limited};
use super::schema::{
    CURRENT_VERSION, FORMAT, LinkFile, MemberFile, PlanFile, SettingsFile, StageFile,
};
use crate::model::limits::{self, MAX_FILE_BYTES, MAX_MEMBERS, MAX_STAGES};
use crate::model::{
    Function, LayoutStyle, Link, LinkKind, Member, ModelError, Plan, RuleLevel, Settings, Stage,
    StageKind, Tag, YearMonth, is_valid_amount,
};
use crate::rules::{RULES, rule_by_id};

/// Reads and validates a plan file.
pub fn load_plan(path: &Path) -> Result<Plan, FileLoadError> {
    let wrap = |error| FileLoadError {
        path: path.to_owned(),
        error: Box::new(error),
    };
    let bytes = read_limited(path).map_err(wrap)?;
    decode_text(&bytes).and_then(plan_from_str).map_err(wrap)
}

/// Parses and validates a plan from raw file bytes.
pub fn plan_from_bytes(bytes: &[u8]) -> Result<Plan, LoadError> {
    let text = decode_text(bytes)?;
    plan_from_str(text)
}

/// Parses and validates a plan from JSON text.
pub fn plan_from_str(text: &str) -> Result<Plan, LoadError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooBig {
            bytes: text.len() as u64,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    // A good file is read once, its stages parsed and built on all cores.
    if let Some(outline) = parse_outline(text)
        && let Some(plan) = plan_from_outline(outline)
    {
        return plan;
    }
    plan_from_file(parse_plan_file(text)?)
}

/// The plan from its outline, or `None` when a stage's members or lines
/// are not well-formed JSON of the schema (the precise parse then names the
/// place).
fn plan_from_outline(outline: PlanOutline<'_>) -> Option<Result<Plan, LoadError>> {
    let (format, version) = (Value::String(outline.format), Value::from(outline.version));
    let built = (|| {
        check_header_fields(Some(&format), Some(&version))?;
        check_stage_ids(outline.stages.iter().map(|s| s.id.as_str()))?;
        check_text(|| "the plan".to_owned(), "title", &outline.title)?;
        Ok((outline.title, settings_from_file(outline.settings)?))
    })();
    let (title, settings) = match built {
        Ok(head) => head,
        Err(e) => return Some(Err(e)),
    };
    let stages = crate::parallel::map(outline.stages, StageOutline::weight, |outline| {
        outline.parse().map(stage_from_file)
    });
    // Schema errors come first, wherever they are, as in the precise parse.
    let stages: Vec<Result<Stage, LoadError>> =
        stages.into_iter().collect::<Result<_, _>>().ok()?;
    Some(
        stages
            .into_iter()
            .collect::<Result<_, _>>()
            .map(|stages| Plan {
                title,
                settings,
                stages,
            })
            .and_then(|plan| check_afters(&plan).map(|()| plan)),
    )
}

/// The file's JSON parsed against the schema, its header checked, with
/// precise errors.
fn parse_plan_file(text: &str) -> Result<PlanFile, LoadError> {
    // The header
    // comes first, so a file from a newer orgevo says so instead of failing
    // on a renamed field; then the schema error with its path.
    let value: Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: syntax_message(&e),
    })?;
    check_header(&value)?;
    drop(value);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let file: PlanFile = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        LoadError::Schema {
            path,
            line: inner.line(),
            column: inner.column(),
            message: strip_position(&inner.to_string()),
        }
    })?;
    Ok(file)
}

fn syntax_message(e: &serde_json::Error) -> String {
    let message = strip_position(&e.to_string());
    if message.contains("recursion limit") {
        "nested too deeply (more than 128 levels)".to_owned()
    } else {
        message
    }
}

/// serde_json appends " at line L column C"; we report those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_owned(),
        None => message.to_owned(),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Checks the top-level shape, `format` and `version` before the schema, so a
/// file from a newer orgevo says so instead of failing on a renamed field.
fn check_header(value: &Value) -> Result<(), LoadError> {
    let Value::Object(object) = value else {
        return Err(LoadError::NotAnObject {
            found: json_type(value),
        });
    };
    check_header_fields(object.get("format"), object.get("version"))
}

/// Checks `format` and `version`.
fn check_header_fields(format: Option<&Value>, version: Option<&Value>) -> Result<(), LoadError> {
    match format {
        Some(Value::String(s)) if s == FORMAT => {}
        Some(other) => {
            return Err(LoadError::WrongFormat {
                found: other.to_string(),
            });
        }
        None => {
            return Err(LoadError::WrongFormat {
                found: "missing".to_owned(),
            });
        }
    }
    match version {
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if v > CURRENT_VERSION => Err(LoadError::FutureVersion {
                found: v,
                supported: CURRENT_VERSION,
            }),
            Some(v) if v >= 1 => Ok(()),
            _ => Err(LoadError::InvalidVersion {
                found: n.to_string(),
            }),
        },
        Some(other) => Err(LoadError::InvalidVersion {
            found: other.to_string(),
        }),
        None => Err(LoadError::InvalidVersion {
            found: "missing".to_owned(),
        }),
    }
}

fn plan_from_file(file: PlanFile) -> Result<Plan, LoadError> {
    let mut plan = Plan {
        title: file.title,
        settings: settings_from_file(file.settings)?,
        stages: Vec::with_capacity(file.stages.len()),
    };
    check_stage_ids(file.stages.iter().map(|s| s.id.as_str()))?;
    check_text(|| "the plan".to_owned(), "title", &plan.title)?;
    // Big plans build their stages on all cores; the first error in file
    // order is the one reported.
    let built = crate::parallel::map(
        file.stages,
        |s| s.members.len() + s.links.len(),
        stage_from_file,
    );
    for stage in built {
        plan.stages.push(stage?);
    }
    check_afters(&plan)?;
    Ok(plan)
}

/// Every `after` names a stage earlier in the file, so the stages form a
/// tree (a later or unknown stage would not).
fn check_afters(plan: &Plan) -> Result<(), LoadError> {
    let mut seen = std::collections::HashSet::new();
    for stage in &plan.stages {
        if let Some(after) = &stage.after
            && !seen.contains(after.as_str())
        {
            return Err(LoadError::UnknownAfter {
                stage: stage.id.clone(),
                after: after.clone(),
            });
        }
        seen.insert(stage.id.as_str());
    }
    Ok(())
}

/// At most [`MAX_STAGES`] stages, every stage id set and used once.
fn check_stage_ids<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> Result<(), LoadError> {
    if ids.len() > MAX_STAGES {
        return Err(LoadError::TooManyStages { count: ids.len() });
    }
    let mut seen = std::collections::HashSet::new();
    for (index, id) in ids.enumerate() {
        if id.trim().is_empty() {
            return Err(LoadError::EmptyId {
                place: format!("stage #{}", index + 1),
            });
        }
        if !seen.insert(id) {
            return Err(LoadError::DuplicateStage { id: id.to_owned() });
        }
    }
    Ok(())
}

/// The thresholds, and the rule levels with every rule id and level checked.
fn settings_from_file(file: SettingsFile) -> Result<Settings, LoadError> {
    let mut rules = std::collections::BTreeMap::new();
    for (rule, level) in file.rules {
        if rule_by_id(&rule).is_none() {
            let known: Vec<&str> = RULES.iter().map(|r| r.id).collect();
            return Err(LoadError::UnknownRule {
                rule,
                expected: known.join(", "),
            });
        }
        let Some(level) = RuleLevel::from_id(&level) else {
            return Err(LoadError::UnknownRuleLevel {
                rule,
                value: level,
                expected: RuleLevel::expected(),
            });
        };
        rules.insert(rule, level);
    }
    let currency = file.currency.trim().to_ascii_uppercase();
    if !(currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase())) {
        return Err(LoadError::BadCurrency {
            found: file.currency.clone(),
        });
    }
    Ok(Settings {
        max_direct_reports: file.max_direct_reports,
        founder_overload_reports: file.founder_overload_reports,
        rules,
        currency,
        ramp_months: file.ramp_months,
        player_coach_reports: file.player_coach_reports,
    })
}

/// Refuses a text over [`MAX_TEXT_CHARS`] characters.
fn check_text(
    place: impl FnOnce() -> String,
    field: &'static str,
    text: &str,
) -> Result<(), LoadError> {
    match limits::too_long(text) {
        Some(chars) => Err(LoadError::TooLong {
            place: place(),
            field,
            chars,
        }),
        None => Ok(()),
    }
}

fn stage_from_file(file: StageFile) -> Result<Stage, LoadError> {
    if file.members.len() > MAX_MEMBERS {
        return Err(LoadError::TooManyMembers {
            stage: file.id,
            count: file.members.len(),
        });
    }
    let place = || format!("stage `{}…`", file.id.chars().take(40).collect::<String>());
    check_text(place, "id", &file.id)?;
    let place = || format!("stage `{}`", file.id);
    for (field, text) in [
        ("name", &file.name),
        ("when", &file.when),
        ("notes", &file.notes),
    ] {
        check_text(place, field, text)?;
    }
    let kind = StageKind::from_id(&file.kind).ok_or_else(|| LoadError::UnknownStageKind {
        stage: file.id.clone(),
        value: file.kind.clone(),
        expected: StageKind::expected(),
    })?;
    if let Some(option) = &file.option {
        check_text(place, "option", option)?;
    }
    let target =
        match &file.target {
            None | Some(Value::Null) => None,
            Some(value) => Some(value.as_f64().filter(|a| is_valid_amount(*a)).ok_or_else(
                || LoadError::BadTarget {
                    stage: file.id.clone(),
                    found: value.to_string(),
                },
            )?),
        };
    let layout = match &file.layout {
        None => None,
        Some(found) => {
            Some(
                LayoutStyle::from_id(found).ok_or_else(|| LoadError::UnknownLayout {
                    stage: file.id.clone(),
                    found: found.clone(),
                    expected: LayoutStyle::expected(),
                })?,
            )
        }
    };
    let mut stage = Stage::new(file.id, file.name, kind);
    stage.target = target;
    stage.layout = layout;
    stage.reserve(file.members.len(), file.links.len());
    stage.when = file.when;
    stage.notes = file.notes;
    stage.after = file.after;
    stage.option = file.option;
    for (index, member_file) in file.members.into_iter().enumerate() {
        let (member, pos) = member_from_file(&stage.id, index, member_file)?;
        stage.add_member_at(member, pos).map_err(|e| match e {
            ModelError::DuplicateMember { id } => LoadError::DuplicateMember {
                stage: stage.id.clone(),
                id,
            },
            other => unreachable_model_error(&stage.id, other),
        })?;
    }
    for (index, link_file) in file.links.into_iter().enumerate() {
        add_link_from_file(&mut stage, index + 1, link_file)?;
    }
    Ok(stage)
}

/// The member a file's entry describes, and where its card sits.
fn member_from_file(
    stage: &str,
    index: usize,
    file: MemberFile,
) -> Result<(Member, Option<[f32; 2]>), LoadError> {
    let place = || format!("stage `{stage}`, member #{}", index + 1);
    for (field, text) in [
        ("id", &file.id),
        ("name", &file.name),
        ("title", &file.title),
        ("notes", &file.notes),
    ] {
        check_text(place, field, text)?;
    }
    for tag in &file.tags {
        check_text(place, "tag", tag)?;
    }
    if file.id.trim().is_empty() {
        return Err(LoadError::EmptyId {
            place: format!("stage `{stage}`, member #{}", index + 1),
        });
    }
    let function = Function::from_id(&file.function).ok_or_else(|| LoadError::UnknownFunction {
        stage: stage.to_owned(),
        member: file.id.clone(),
        value: file.function.clone(),
        expected: Function::expected(),
    })?;
    let pos = match &file.pos {
        None | Some(Value::Null) => None,
        Some(value) => Some(parse_pos(value).ok_or_else(|| LoadError::BadPosition {
            stage: stage.to_owned(),
            member: file.id.clone(),
            found: value.to_string(),
        })?),
    };
    let amount = |field: &'static str, value: &Option<Value>| match value {
        None | Some(Value::Null) => Ok(None),
        Some(value) => value
            .as_f64()
            .filter(|a| is_valid_amount(*a))
            .map(Some)
            .ok_or_else(|| LoadError::BadAmount {
                stage: stage.to_owned(),
                member: file.id.clone(),
                field,
                found: value.to_string(),
            }),
    };
    let cost = amount("cost", &file.cost)?;
    let quota = amount("quota", &file.quota)?;
    let start =
        match &file.start {
            None | Some(Value::Null) => None,
            Some(value) => Some(value.as_str().and_then(YearMonth::parse).ok_or_else(|| {
                LoadError::BadStart {
                    stage: stage.to_owned(),
                    member: file.id.clone(),
                    found: value.to_string(),
                }
            })?),
        };
    let member = Member {
        id: file.id,
        name: file.name,
        title: file.title,
        function,
        tags: file.tags.iter().map(|t| Tag::parse(t)).collect(),
        planned: file.planned,
        notes: file.notes,
        cost,
        quota,
        start,
    };
    Ok((member, pos))
}

fn parse_pos(value: &Value) -> Option<[f32; 2]> {
    let Value::Array(items) = value else {
        return None;
    };
    let [x, y] = items.as_slice() else {
        return None;
    };
    let coordinate = |v: &Value| {
        let f = v.as_f64()? as f32;
        f.is_finite().then_some(f)
    };
    Some([coordinate(x)?, coordinate(y)?])
}

fn add_link_from_file(stage: &mut Stage, number: usize, file: LinkFile) -> Result<(), LoadError> {
    let kind = LinkKind::from_id(&file.kind).ok_or_else(|| LoadError::UnknownLinkKind {
        stage: stage.id.clone(),
        link: number,
        value: file.kind.clone(),
        expected: LinkKind::expected(),
    })?;
    let link = Link::new(file.from, file.to, kind);
    match stage.add_link(&link) {
        Ok(_) => Ok(()),
        Err(ModelError::UnknownMember { id }) => Err(LoadError::UnknownMember {
            stage: stage.id.clone(),
            link: number,
            id,
        }),
        Err(ModelError::SecondManager {
            member,
            existing,
            new,
        }) => Err(LoadError::SecondManager {
            stage: stage.id.clone(),
            member,
            first: existing,
            second: new,
        }),
        Err(ModelError::DuplicateLink { from, to, kind }) => {
            let exact = stage
                .links()
                .any(|l| l.from == from && l.to == to && l.kind == kind);
            Err(if exact {
                LoadError::DuplicateLink {
                    stage: stage.id.clone(),
                    link: number,
                    from,
                    to,
                    kind: kind.id().to_owned(),
                }
            } else {
                LoadError::ReversedCollaboration {
                    stage: stage.id.clone(),
                    link: number,
                    from,
                    to,
                }
            })
        }
        Err(other) => Err(unreachable_model_error(&stage.id, other)),
    }
}

/// A model error the loader does not expect at this point; still reported,
/// never a panic.
fn unreachable_model_error(stage: &str, error: ModelError) -> LoadError {
    LoadError::InvalidStage {
        stage: stage.to_owned(),
        message: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plan through the precise parse alone.
    fn precisely(text: &str) -> Result<Plan, LoadError> {
        plan_from_file(parse_plan_file(text)?)
    }

    #[test]
    fn the_fast_way_in_gives_the_plan_the_precise_parse_gives() {
        let mut synthetic = crate::model::synthetic_plan(300, 5, 3);
        synthetic.stages[1].notes = "Notes with \"quotes\", \\ and ü".into();
        let texts = [
            crate::io::BUNDLED_EXAMPLE.to_owned(),
            crate::io::plan_to_string(&synthetic).unwrap(),
        ];
        for text in &texts {
            let fast = plan_from_str(text).unwrap();
            assert_eq!(fast, precisely(text).unwrap());
            assert!(fast.member_count() > 0);
        }
        assert_eq!(plan_from_str(&texts[1]).unwrap(), synthetic);
    }

    #[test]
    fn a_bad_stage_gives_the_error_the_precise_parse_gives() {
        let good = crate::io::BUNDLED_EXAMPLE;
        let bad = [
            // Schema errors inside members and links, parsed apart.
            good.replacen("\"planned\": false", "\"planned\": \"no\"", 1),
            good.replacen("\"links\": [", "\"links\": {\"a\": [", 1),
            // An error the model finds once the stage is built.
            good.replacen(
                "\"function\": \"marketing\"",
                "\"function\": \"astrology\"",
                1,
            ),
        ];
        for text in &bad {
            assert_ne!(text, good);
            let fast = plan_from_str(text).unwrap_err().to_string();
            assert_eq!(fast, precisely(text).unwrap_err().to_string());
        }
    }
}
