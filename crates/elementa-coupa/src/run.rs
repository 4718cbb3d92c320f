//! The integration-run lifecycle: status actions, a client-side state
//! machine that refuses nonsense locally, and progress.
//!
//! Coupa does not publish its transition rules, so this table is the
//! client's: it refuses what cannot make sense (running a failed run,
//! finishing one that never started), and a forced call stays possible.
//!
//! | from \ action | run | pause | pending | success | fail |
//! |---|---|---|---|---|---|
//! | pending    | yes |     |     |     | yes |
//! | running    |     | yes | yes | yes | yes |
//! | paused     | yes |     | yes |     | yes |
//! | successful |     |     |     |     |     |
//! | failed     |     |     | yes |     |     |
//!
//! A status the schema does not list allows every action (it cannot be judged).

use std::fmt;

use elementa::{Field, OpenEnum};

use crate::{IntegrationRun, IntegrationRunStatus};

/// A status action of an integration run (`PUT /api/integration_runs/:id/<action>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RunAction {
    /// Set the status to running.
    Run,
    /// Set the status to paused.
    Pause,
    /// Set the status back to pending.
    Pending,
    /// Set the status to successful.
    Success,
    /// Set the status to failed.
    Fail,
}

impl RunAction {
    /// Every action.
    pub const ALL: [RunAction; 5] = [
        RunAction::Run,
        RunAction::Pause,
        RunAction::Pending,
        RunAction::Success,
        RunAction::Fail,
    ];

    /// The action's name in the route.
    pub fn name(self) -> &'static str {
        match self {
            RunAction::Run => "run",
            RunAction::Pause => "pause",
            RunAction::Pending => "pending",
            RunAction::Success => "success",
            RunAction::Fail => "fail",
        }
    }

    /// The status the action leads to.
    pub fn target(self) -> IntegrationRunStatus {
        match self {
            RunAction::Run => IntegrationRunStatus::Running,
            RunAction::Pause => IntegrationRunStatus::Paused,
            RunAction::Pending => IntegrationRunStatus::Pending,
            RunAction::Success => IntegrationRunStatus::Successful,
            RunAction::Fail => IntegrationRunStatus::Failed,
        }
    }

    /// The statuses the action may be taken from.
    pub fn from_statuses(self) -> &'static [IntegrationRunStatus] {
        use IntegrationRunStatus::*;
        match self {
            RunAction::Run => &[Pending, Paused],
            RunAction::Pause => &[Running],
            RunAction::Pending => &[Running, Paused, Failed],
            RunAction::Success => &[Running],
            RunAction::Fail => &[Pending, Running, Paused],
        }
    }

    /// Whether the action makes sense from `status`.
    pub fn allowed_from(self, status: &IntegrationRunStatus) -> bool {
        !status.is_known() || self.from_statuses().contains(status)
    }
}

impl fmt::Display for RunAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A status action refused by the client-side state machine.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot `{action}` a run that is {from}: `{action}` is for runs that are {allowed} (force the call if Coupa should decide)"
)]
pub struct TransitionError {
    /// The action refused.
    pub action: RunAction,
    /// The run's status.
    pub from: String,
    /// The statuses the action is for.
    pub allowed: String,
}

/// Checks `action` from `status`.
pub fn check(status: &IntegrationRunStatus, action: RunAction) -> Result<(), TransitionError> {
    if action.allowed_from(status) {
        return Ok(());
    }
    let allowed: Vec<&str> = action
        .from_statuses()
        .iter()
        .map(OpenEnum::as_wire)
        .collect();
    Err(TransitionError {
        action,
        from: status.as_wire().to_owned(),
        allowed: allowed.join(" or "),
    })
}

/// How far a run has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Records processed so far.
    pub processed: i64,
    /// Records to process in all, if known.
    pub total: Option<i64>,
}

impl Progress {
    /// Processed / total, between 0 and 1, if the total is known and positive.
    pub fn fraction(&self) -> Option<f64> {
        let total = self.total.filter(|t| *t > 0)?;
        Some((self.processed as f64 / total as f64).clamp(0.0, 1.0))
    }
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.total, self.fraction()) {
            (Some(t), Some(p)) => write!(f, "{}/{t} ({:.0}%)", self.processed, p * 100.0),
            (Some(t), None) => write!(f, "{}/{t}", self.processed),
            (None, _) => write!(f, "{} processed", self.processed),
        }
    }
}

impl IntegrationRun {
    /// The run's progress, if it reports records processed.
    ///
    /// ```
    /// use elementa_coupa::IntegrationRun;
    /// let run = IntegrationRun { records_processed: 120.into(), total_records: 250.into(), ..Default::default() };
    /// assert_eq!(run.progress().unwrap().to_string(), "120/250 (48%)");
    /// ```
    pub fn progress(&self) -> Option<Progress> {
        Some(Progress {
            processed: *self.records_processed.value()?,
            total: self.total_records.value().copied(),
        })
    }

    /// Checks a status action against the run's current status (unknown or
    /// absent status: allowed).
    pub fn check_action(&self, action: RunAction) -> Result<(), TransitionError> {
        match &self.status {
            Field::Value(s) => check(s, action),
            _ => Ok(()),
        }
    }
}
