//! Which CSV column feeds which member field: our own names, the synonyms
//! HR exports use, and explicit overrides; and the table that turns a
//! department into a function.

use crate::model::Function;

/// The header of a field's column, if the file has one.
pub(super) type HeaderOf<'h> = dyn Fn(Field) -> Option<&'h str> + 'h;

/// A member field a CSV column can feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The member id (required).
    Id,
    /// The whole name.
    Name,
    /// First name, joined with the last name when there is no name column.
    FirstName,
    /// Last name.
    LastName,
    /// The manager's id (required; empty for the head).
    Manager,
    /// Job title.
    Title,
    /// One of orgevo's functions (`sales`, `marketing`…).
    Function,
    /// A department, turned into a function by the department table.
    Department,
    /// Tags separated by `;`.
    Tags,
    /// Ids of collaborators separated by `;`.
    Collaborates,
    /// Planned hire: yes/no, true/false, 1/0.
    Planned,
    /// E-mail address; a manager column may name people by it.
    Email,
    /// Annual cost (salary, compensation).
    Cost,
    /// Annual quota.
    Quota,
    /// Start month: an ISO date or date-time.
    Start,
    /// Free notes.
    Notes,
}

impl Field {
    /// Every field, in the order a mapping is shown.
    pub const ALL: [Self; 16] = [
        Self::Id,
        Self::Name,
        Self::FirstName,
        Self::LastName,
        Self::Manager,
        Self::Title,
        Self::Function,
        Self::Department,
        Self::Tags,
        Self::Collaborates,
        Self::Planned,
        Self::Email,
        Self::Cost,
        Self::Quota,
        Self::Start,
        Self::Notes,
    ];

    /// The field's name for `--column FIELD=HEADER`.
    pub fn id(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::Name => "name",
            Self::FirstName => "first_name",
            Self::LastName => "last_name",
            Self::Manager => "manager_id",
            Self::Title => "title",
            Self::Function => "function",
            Self::Department => "department",
            Self::Tags => "tags",
            Self::Collaborates => "collaborates_with",
            Self::Planned => "planned",
            Self::Email => "email",
            Self::Cost => "cost",
            Self::Quota => "quota",
            Self::Start => "start",
            Self::Notes => "notes",
        }
    }

    /// What the field is, for the import dialog.
    pub fn label(self) -> &'static str {
        match self {
            Self::Id => "Id",
            Self::Name => "Name",
            Self::FirstName => "First name",
            Self::LastName => "Last name",
            Self::Manager => "Manager",
            Self::Title => "Title",
            Self::Function => "Function",
            Self::Department => "Department",
            Self::Tags => "Responsibilities",
            Self::Collaborates => "Collaborates with",
            Self::Planned => "Planned hire",
            Self::Email => "E-mail",
            Self::Cost => "Cost",
            Self::Quota => "Quota",
            Self::Start => "Start",
            Self::Notes => "Notes",
        }
    }

    /// Parses a field name (as `--column` takes it): `manager_id`,
    /// `manager-id` and `ManagerId` alike.
    pub fn from_id(id: &str) -> Option<Self> {
        let wanted = normalize(id);
        Self::ALL.into_iter().find(|f| normalize(f.id()) == wanted)
    }

    /// Headers recognised for this field, normalized (lowercase, no
    /// spaces, dashes or underscores).
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Self::Id => &["id", "employeeid", "personid", "workerid", "staffid"],
            Self::Name => &["name", "fullname", "displayname", "employeename"],
            Self::FirstName => &["firstname", "givenname", "forename"],
            Self::LastName => &["lastname", "surname", "familyname"],
            Self::Manager => &[
                "managerid",
                "manager",
                "parentid",
                "parent",
                "reportsto",
                "reportstoid",
                "supervisorid",
                "supervisor",
                "linemanagerid",
                "linemanager",
                "reportstoemail",
                "manageremail",
                "supervisoremail",
                "reportstoname",
                "managername",
            ],
            Self::Title => &[
                "title",
                "jobtitle",
                "position",
                "positionname",
                "role",
                "positiontitle",
            ],
            Self::Function => &["function"],
            Self::Department => &[
                "department",
                "departments",
                "departmentname",
                "dept",
                "team",
                "area",
                "division",
            ],
            Self::Tags => &["tags", "responsibilities"],
            Self::Collaborates => &["collaborateswith", "collaborators"],
            Self::Planned => &["planned", "plannedhire", "vacancy", "open"],
            Self::Email => &["email", "emailaddress", "workemail", "mail"],
            Self::Cost => &["cost", "salary", "annualcost", "compensation"],
            Self::Quota => &["quota", "annualquota"],
            Self::Start => &["start", "startdate", "hiredate"],
            Self::Notes => &["notes", "note", "comments"],
        }
    }
}

/// A header or field name reduced for matching: lowercase, without spaces,
/// dashes and underscores.
pub fn normalize(header: &str) -> String {
    header
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Which column (by index) feeds each field.
pub type ColumnMapping = Vec<(Field, usize)>;

/// Which column (by index) feeds each field: explicit `overrides` (field,
/// header; an empty header means "no column") first, then the synonyms. Returns the mapping, the headers that
/// feed nothing, and an error naming an override header that is missing.
pub fn map_columns(
    headers: &[String],
    overrides: &[(Field, String)],
) -> Result<(ColumnMapping, Vec<String>), String> {
    let mut mapping: Vec<(Field, usize)> = Vec::new();
    // An empty header: the user said this field has no column.
    let unmapped = |field: Field| {
        overrides
            .iter()
            .rev()
            .find(|(f, _)| *f == field)
            .is_some_and(|(_, h)| h.trim().is_empty())
    };
    for (field, header) in overrides {
        if header.trim().is_empty() {
            mapping.retain(|(f, _)| f != field);
            continue;
        }
        let Some(index) = headers.iter().position(|h| h.trim() == header.trim()) else {
            return Err(format!(
                "--column {}={header}: there is no column `{header}` (columns: {})",
                field.id(),
                headers.join(", ")
            ));
        };
        mapping.retain(|(f, _)| f != field);
        mapping.push((*field, index));
    }
    for field in Field::ALL {
        if mapping.iter().any(|(f, _)| *f == field) || unmapped(field) {
            continue;
        }
        let taken = |i: usize| mapping.iter().any(|(_, j)| *j == i);
        let found = field.synonyms().iter().find_map(|synonym| {
            headers
                .iter()
                .enumerate()
                .find(|(i, h)| !taken(*i) && normalize(h) == *synonym)
                .map(|(i, _)| i)
        });
        if let Some(index) = found {
            mapping.push((field, index));
        }
    }
    // `name` beside a last-name column is the first name ("Steven" +
    // "King"), unless the file has a first-name column too.
    let has = |f: Field| mapping.iter().any(|(x, _)| *x == f);
    if has(Field::LastName) && !has(Field::FirstName) {
        for (field, index) in &mut mapping {
            let explicit = overrides.iter().any(|(f, _)| f == field);
            if *field == Field::Name && !explicit && normalize(&headers[*index]) == "name" {
                *field = Field::FirstName;
            }
        }
    }
    mapping.sort();
    let unused = headers
        .iter()
        .enumerate()
        .filter(|(i, _)| !mapping.iter().any(|(_, j)| j == i))
        .map(|(_, h)| h.clone())
        .collect();
    Ok((mapping, unused))
}

/// The function a department stands for: our function ids and common
/// department names (case and spacing ignored); anything else is `other`.
pub fn department_function(department: &str) -> Function {
    let d = normalize(department);
    if let Some(f) = Function::ALL.iter().find(|f| normalize(f.id()) == d) {
        return *f;
    }
    const TABLE: &[(&[&str], Function)] = &[
        (
            &["marketing", "growthmarketing", "brand", "communications"],
            Function::Marketing,
        ),
        (
            &[
                "salesoperations",
                "salesops",
                "revops",
                "revenueoperations",
                "operations",
                "bizops",
            ],
            Function::Operations,
        ),
        (
            &[
                "presales",
                "solutions",
                "solutionengineering",
                "salesengineering",
                "technical",
                "engineering",
            ],
            Function::Technical,
        ),
        (
            &[
                "customersuccess",
                "support",
                "customersupport",
                "services",
                "professionalservices",
                "delivery",
                "servicedelivery",
                "implementation",
            ],
            Function::ServiceDelivery,
        ),
        (
            &[
                "sales",
                "salesdevelopment",
                "business development",
                "businessdevelopment",
                "accountmanagement",
                "inside sales",
                "insidesales",
                "fieldsales",
            ],
            Function::Sales,
        ),
    ];
    TABLE
        .iter()
        .find(|(names, _)| names.iter().any(|n| normalize(n) == d))
        .map_or(Function::Other, |(_, f)| *f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn hr_headers_are_recognised_and_overrides_win() {
        let h = headers(&[
            "Employee ID",
            "firstName",
            "Last Name",
            "parentId",
            "Job Title",
            "Department",
            "Salary",
            "Shoe Size",
        ]);
        let (mapping, unused) = map_columns(&h, &[]).unwrap();
        let field = |f: Field| mapping.iter().find(|(x, _)| *x == f).map(|(_, i)| *i);
        assert_eq!(field(Field::Id), Some(0));
        assert_eq!(field(Field::FirstName), Some(1));
        assert_eq!(field(Field::LastName), Some(2));
        assert_eq!(field(Field::Manager), Some(3));
        assert_eq!(field(Field::Title), Some(4));
        assert_eq!(field(Field::Department), Some(5));
        assert_eq!(field(Field::Cost), Some(6), "salary is the cost");
        assert_eq!(unused, ["Shoe Size"]);
        let (mapping, _) = map_columns(&h, &[(Field::Title, "Department".into())]).unwrap();
        assert!(mapping.contains(&(Field::Title, 5)));
        assert!(map_columns(&h, &[(Field::Title, "Nope".into())]).is_err());
    }

    #[test]
    fn departments_map_to_functions() {
        assert_eq!(department_function("Sales"), Function::Sales);
        assert_eq!(department_function("MARKETING"), Function::Marketing);
        assert_eq!(
            department_function("Customer Success"),
            Function::ServiceDelivery
        );
        assert_eq!(department_function("sales-manager"), Function::SalesManager);
        assert_eq!(department_function("Legal"), Function::Other);
    }
}
