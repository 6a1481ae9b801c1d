//! Accounts, passwords (argon2id), browser sessions and API tokens. Secrets are random 256-bit
//! values; only their SHA-256 is stored, so a stolen database yields no usable token. Repeated
//! failed passwords lock a username for a while ([`Lockouts`]), and a wrong username costs the
//! same argon2 work as a wrong password, so neither timing nor locking tells which usernames
//! exist.

use std::collections::{HashMap, VecDeque};
use std::sync::{LazyLock, Mutex};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use domain::Fact;
use domain::fact::{AccountCreated, AccountDisabled, AccountPasswordSet, FactBody};
use domain::ids::OfficerId;
use rand::RngCore;
use sha2::{Digest, Sha256};
use storage::{AccountRow, SessionRow};

use crate::writer::Author;
use crate::{Actor, App, AppError};

/// A browser session lasts a working shift.
const SESSION_HOURS: i64 = 12;
/// API tokens are long-lived; revoke by deleting.
const API_TOKEN_DAYS: i64 = 90;
/// Passwords shorter than this are refused.
pub const PASSWORD_LENGTH_MIN: usize = 8;
/// The longest login name, in characters.
pub const USERNAME_LENGTH_MAX: usize = 64;
/// Failed passwords for one username within [`LOGIN_FAILURE_WINDOW`] that lock it: enough for
/// a person mistyping, far too few to guess a password.
pub const LOGIN_FAILURES_MAX: usize = 5;
/// How far back failed passwords count.
pub const LOGIN_FAILURE_WINDOW: jiff::SignedDuration = jiff::SignedDuration::from_mins(15);
/// How long a locked username refuses every login, even with the right password.
pub const LOCKOUT_DURATION: jiff::SignedDuration = jiff::SignedDuration::from_mins(15);
/// Usernames tracked at most, so a spray of made-up usernames cannot exhaust memory (about
/// 30 MB at worst). Each tracked name costs the sprayer one argon2 verification (tens of
/// milliseconds on two cores), so filling the table takes longer than a window: evicting the
/// stalest entry to make room cannot be used to reset a victim's count faster than the window
/// does.
const LOCKOUT_ENTRIES_MAX: usize = 100_000;
/// Usernames are tracked by at most this many bytes (longer ones share an entry by prefix).
const LOCKOUT_KEY_BYTES_MAX: usize = 128;

/// What a successful login gives.
#[derive(Clone, Debug)]
pub struct LoginOutcome {
    pub token: String,
    pub actor: Actor,
}

/// Hashes a password with argon2id and a random salt (PHC string).
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashes any input")
        .to_string()
}

/// A hash of nothing anyone knows, made with the same parameters as every account's, so that
/// checking a password for an unknown or disabled username does the same work as for a real
/// one.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| hash_password("no account has this"));

/// Checks a password on the blocking pool (argon2 takes tens of milliseconds, too long for an
/// async worker), against the account's hash or, without one, the dummy hash.
async fn verify_password_blocking(password: &str, hash: Option<String>) -> bool {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| DUMMY_HASH.clone());
        verify_password(&password, &hash) && known
    })
    .await
    .unwrap_or(false)
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// The actors behind recent sessions (token hash → actor, session expiry in µs), so that a
/// request is not three database reads before it starts: the session, the account (disabled?)
/// and the account again (must the password be changed?). The writer moves it on when an
/// account, officer or unit fact commits (which also ends sessions in the store: a reset or
/// disabled account), and so does a logout.
pub(crate) type Sessions = crate::cache::Cache<String, (Actor, i64)>;

/// Sessions kept at most; past it the cache starts again (a bureau has far fewer users).
pub(crate) const SESSIONS_CACHED_MAX: usize = 100_000;

/// Whether a committed fact may change who a session is or whether it holds: accounts,
/// officers (roles, unit) and units (name).
pub(crate) fn changes_sessions(kind: &str, element: domain::fact::ElementKind) -> bool {
    use domain::fact::ElementKind;
    kind.starts_with("account.") || matches!(element, ElementKind::Officer | ElementKind::Unit)
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Refuses a password that is too short, naming `field` (the request's name for it).
fn check_password_strength(field: &str, password: &str) -> Result<(), AppError> {
    if password.chars().count() < PASSWORD_LENGTH_MIN {
        return Err(domain::DomainError::invalid(
            field,
            format!("密码至少{PASSWORD_LENGTH_MIN}位 (at least {PASSWORD_LENGTH_MIN} characters)"),
        )
        .into());
    }
    Ok(())
}

/// Failed logins per username, kept in memory.
///
/// In memory rather than in the store, on purpose: one process serves a database (README), so
/// every login attempt passes here, and a restart clearing the locks is acceptable — restarting
/// the server takes an operator, not an attacker, and after it every username again allows only
/// [`LOGIN_FAILURES_MAX`] guesses per window. Persisting failures would also write to the
/// database on every failed login, which a password spray would turn into a write flood.
///
/// Unknown usernames are tracked like real ones, so that a lock does not tell which usernames
/// exist. An attempt counts as failed from the moment it starts (see [`Lockouts::begin`]), so
/// parallel attempts cannot slip more than [`LOGIN_FAILURES_MAX`] guesses past the count.
#[derive(Debug, Default)]
pub(crate) struct Lockouts {
    entries: Mutex<HashMap<String, LockoutEntry>>,
}

#[derive(Debug, Default)]
struct LockoutEntry {
    /// Attempts within the window that failed or are still being checked, oldest first.
    attempts: VecDeque<jiff::Timestamp>,
    locked_until: Option<jiff::Timestamp>,
}

impl LockoutEntry {
    /// Forgets what no longer counts at `now`: an expired lock and attempts older than the window.
    fn expire(&mut self, now: jiff::Timestamp) {
        if self.locked_until.is_some_and(|until| until <= now) {
            self.locked_until = None;
            self.attempts.clear();
        }
        while self
            .attempts
            .front()
            .is_some_and(|at| *at + LOGIN_FAILURE_WINDOW <= now)
        {
            self.attempts.pop_front();
        }
    }

    fn is_stale(&self) -> bool {
        self.locked_until.is_none() && self.attempts.is_empty()
    }
}

fn lockout_key(username: &str) -> String {
    let username = username.trim();
    let mut end = username.len().min(LOCKOUT_KEY_BYTES_MAX);
    while !username.is_char_boundary(end) {
        end -= 1;
    }
    username[..end].to_string()
}

impl Lockouts {
    /// Before a password is checked: refuses while the username is locked (answering until
    /// when); otherwise counts the attempt as failed until [`Lockouts::succeeded`] says
    /// otherwise.
    pub(crate) fn begin(
        &self,
        username: &str,
        now: jiff::Timestamp,
    ) -> Result<(), jiff::Timestamp> {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let key = lockout_key(username);
        if !entries.contains_key(&key) && entries.len() >= LOCKOUT_ENTRIES_MAX {
            make_room(&mut entries, now);
        }
        let entry = entries.entry(key).or_default();
        entry.expire(now);
        if let Some(until) = entry.locked_until {
            return Err(until);
        }
        if entry.attempts.len() >= LOGIN_FAILURES_MAX {
            // The quota is taken by attempts still being checked: if they fail, the lock runs
            // from about now.
            return Err(now + LOCKOUT_DURATION);
        }
        entry.attempts.push_back(now);
        Ok(())
    }

    /// After a wrong password: locks the username once the window holds
    /// [`LOGIN_FAILURES_MAX`] failures. Returns until when it is locked, if it is.
    pub(crate) fn failed(&self, username: &str, now: jiff::Timestamp) -> Option<jiff::Timestamp> {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let entry = entries.get_mut(&lockout_key(username))?;
        if entry.locked_until.is_none() && entry.attempts.len() >= LOGIN_FAILURES_MAX {
            entry.locked_until = Some(now + LOCKOUT_DURATION);
        }
        entry.locked_until
    }

    /// After an attempt that never got to check the password: it does not count.
    pub(crate) fn abandon(&self, username: &str, started: jiff::Timestamp) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(entry) = entries.get_mut(&lockout_key(username))
            && let Some(index) = entry.attempts.iter().position(|at| *at == started)
        {
            entry.attempts.remove(index);
        }
    }

    /// After the right password: the failures before it no longer count.
    pub(crate) fn succeeded(&self, username: &str) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.remove(&lockout_key(username));
    }
}

/// Frees one entry of a full table: first everything stale, else the unlocked entry whose last
/// attempt is oldest, else the lock that ends first.
fn make_room(entries: &mut HashMap<String, LockoutEntry>, now: jiff::Timestamp) {
    entries.retain(|_, entry| {
        entry.expire(now);
        !entry.is_stale()
    });
    if entries.len() < LOCKOUT_ENTRIES_MAX {
        return;
    }
    let victim = entries
        .iter()
        .min_by_key(|(_, entry)| {
            (
                entry.locked_until.is_some(),
                entry.locked_until,
                entry.attempts.back().copied(),
            )
        })
        .map(|(key, _)| key.clone());
    if let Some(key) = victim {
        entries.remove(&key);
    }
}

fn login_failed() -> AppError {
    AppError::Domain(domain::DomainError::new(
        domain::ErrorCode::Invalid,
        "用户名或密码错误，或账号已停用",
        "wrong username or password, or the account is disabled",
    ))
}

impl App {
    /// The actor for an officer id, as of now.
    pub async fn actor(&self, officer: &str) -> Result<Actor, AppError> {
        let account = self.store().account_by_officer(officer).await?;
        let world = self.world().await;
        let officer = OfficerId::parse(officer).map_err(|_| AppError::Unauthenticated)?;
        let record = world
            .officers
            .get(&officer)
            .ok_or(AppError::Unauthenticated)?;
        let unit = world
            .units
            .get(&record.unit)
            .ok_or(AppError::Unauthenticated)?;
        Ok(Actor {
            officer: record.id.clone(),
            name: record.name.clone(),
            unit: unit.id.clone(),
            unit_name: unit.name.clone(),
            unit_path: unit.path.clone(),
            roles: record.roles.clone(),
            must_change_password: account.is_some_and(|a| a.must_change),
        })
    }

    /// Checks a password and opens a browser session. After [`LOGIN_FAILURES_MAX`] wrong
    /// passwords for a username within [`LOGIN_FAILURE_WINDOW`], every login to it is refused
    /// for [`LOCKOUT_DURATION`] with [`AppError::AccountLocked`], the right password included.
    pub async fn login(&self, username: &str, password: &str) -> Result<LoginOutcome, AppError> {
        let lockouts = &self.inner.lockouts;
        let started = jiff::Timestamp::now();
        lockouts
            .begin(username, started)
            .map_err(|until| AppError::AccountLocked { until })?;
        let account = match self.store().account_by_username(username.trim()).await {
            Ok(account) => account,
            Err(error) => {
                // Not a wrong password: the store failed, so the attempt does not count.
                lockouts.abandon(username, started);
                return Err(error.into());
            }
        };
        // An unknown or disabled username is checked against the dummy hash: the same work
        // either way, so timing does not reveal which usernames exist.
        let account = account.filter(|a| !a.disabled);
        let hash = account.as_ref().map(|a| a.password_hash.clone());
        let ok = verify_password_blocking(password, hash).await;
        let Some(account) = account.filter(|_| ok) else {
            return Err(match lockouts.failed(username, jiff::Timestamp::now()) {
                Some(until) => AppError::AccountLocked { until },
                None => login_failed(),
            });
        };
        lockouts.succeeded(username);
        let token = self
            .open_session(
                &account.officer,
                "session",
                "浏览器会话",
                SESSION_HOURS * 3600,
            )
            .await?;
        Ok(LoginOutcome {
            token,
            actor: self.actor(&account.officer).await?,
        })
    }

    async fn open_session(
        &self,
        officer: &str,
        kind: &str,
        label: &str,
        seconds: i64,
    ) -> Result<String, AppError> {
        let token = new_token();
        let now = jiff::Timestamp::now().as_microsecond();
        self.store()
            .create_session(&SessionRow {
                token_hash: token_hash(&token),
                officer: officer.into(),
                kind: kind.into(),
                label: label.into(),
                created_at_micros: now,
                expires_at_micros: now + seconds * 1_000_000,
            })
            .await?;
        Ok(token)
    }

    /// The actor behind a session cookie or API token.
    pub async fn authenticate(&self, token: &str) -> Result<Actor, AppError> {
        let now = jiff::Timestamp::now().as_microsecond();
        let hash = token_hash(token);
        let sessions = &self.inner.sessions;
        if let Some((actor, expires)) = sessions.get(&hash)
            && now < expires
        {
            return Ok(actor);
        }
        let generation = sessions.generation();
        let session = self
            .store()
            .session(&hash, now)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let account = self.store().account_by_officer(&session.officer).await?;
        if account.as_ref().is_none_or(|a| a.disabled) {
            return Err(AppError::Unauthenticated);
        }
        let actor = self.actor(&session.officer).await?;
        sessions.put(hash, (actor.clone(), session.expires_at_micros), generation);
        Ok(actor)
    }

    /// Ends a session.
    pub async fn logout(&self, token: &str) -> Result<(), AppError> {
        self.store().delete_session(&token_hash(token)).await?;
        self.inner.sessions.move_on();
        Ok(())
    }

    /// Issues an API token for the actor.
    pub async fn issue_api_token(&self, actor: &Actor, label: &str) -> Result<String, AppError> {
        if actor.must_change_password {
            return Err(AppError::Forbidden("须先修改初始密码"));
        }
        self.open_session(
            actor.officer.as_str(),
            "api",
            label,
            API_TOKEN_DAYS * 86_400,
        )
        .await
    }

    /// Changes one's own password (required after an initial or reset password).
    pub async fn change_password(
        &self,
        actor: &Actor,
        old: &str,
        new: &str,
    ) -> Result<(), AppError> {
        check_password_strength("new_password", new)?;
        let account = self
            .store()
            .account_by_officer(actor.officer.as_str())
            .await?
            .ok_or(AppError::Unauthenticated)?;
        if !verify_password(old, &account.password_hash) {
            return Err(domain::DomainError::new(
                domain::ErrorCode::Invalid,
                "原密码错误",
                "the current password is wrong",
            )
            .at_field("old_password")
            .into());
        }
        if old == new {
            return Err(domain::DomainError::invalid(
                "new_password",
                "新密码不能与原密码相同 (must differ from the old one)",
            )
            .into());
        }
        let row = AccountRow {
            password_hash: hash_password(new),
            must_change: false,
            ..account
        };
        let fact = Fact::new(
            crate::now(),
            FactBody::AccountPasswordSet(AccountPasswordSet {
                id: actor.officer.clone(),
                reset: false,
                username: None,
            }),
        );
        self.account_job(actor.officer.as_str(), fact, row).await
    }

    /// Opens or resets an officer's account with an initial password that must be changed at
    /// first login. Administrators only (or the CLI, with `actor = None`).
    pub async fn set_account(
        &self,
        actor: Option<&Actor>,
        officer: &str,
        username: &str,
        password: &str,
    ) -> Result<(), AppError> {
        if let Some(actor) = actor
            && !actor.has(domain::elements::Role::Admin)
        {
            return Err(AppError::Forbidden("仅系统管理员可以管理账号"));
        }
        check_password_strength("password", password)?;
        let officer_id =
            OfficerId::parse(officer).map_err(|e| domain::DomainError::invalid("officer", e))?;
        if !self.world().await.officers.contains_key(&officer_id) {
            return Err(AppError::NotFound);
        }
        let username = username.trim();
        if username.is_empty() || username.chars().count() > USERNAME_LENGTH_MAX {
            return Err(domain::DomainError::invalid(
                "username",
                format!("用户名须为1至{USERNAME_LENGTH_MAX}个字符 (1 to {USERNAME_LENGTH_MAX} characters)"),
            )
            .into());
        }
        if let Some(holder) = self.store().account_by_username(username).await?
            && holder.officer != officer
        {
            return Err(domain::DomainError::invalid(
                "username",
                "用户名已被其他民警使用 (the username belongs to another officer)",
            )
            .into());
        }
        let existing = self.store().account_by_officer(officer).await?;
        let row = AccountRow {
            officer: officer.into(),
            username: username.trim().into(),
            password_hash: hash_password(password),
            must_change: true,
            disabled: false,
        };
        let body = match existing {
            // A new login name is part of the fact: every change of an account is in the ledger.
            Some(account) => FactBody::AccountPasswordSet(AccountPasswordSet {
                id: officer_id,
                reset: true,
                username: (account.username != row.username).then(|| row.username.clone()),
            }),
            None => FactBody::AccountCreated(AccountCreated {
                id: officer_id,
                username: row.username.clone(),
            }),
        };
        let by = actor
            .map(|a| a.officer.to_string())
            .unwrap_or_else(|| "operator".into());
        self.account_job(&by, Fact::new(crate::now(), body), row)
            .await
    }

    /// Every login account. Administrators only.
    pub async fn accounts(&self, actor: &Actor) -> Result<Vec<AccountRow>, AppError> {
        if !actor.has(domain::elements::Role::Admin) {
            return Err(AppError::Forbidden("仅系统管理员可以管理账号"));
        }
        Ok(self.store().accounts().await?)
    }

    /// Disables or re-enables an account.
    pub async fn set_account_disabled(
        &self,
        actor: Option<&Actor>,
        officer: &str,
        disabled: bool,
    ) -> Result<(), AppError> {
        if let Some(actor) = actor
            && !actor.has(domain::elements::Role::Admin)
        {
            return Err(AppError::Forbidden("仅系统管理员可以管理账号"));
        }
        let account = self
            .store()
            .account_by_officer(officer)
            .await?
            .ok_or(AppError::NotFound)?;
        let officer_id =
            OfficerId::parse(officer).map_err(|e| domain::DomainError::invalid("officer", e))?;
        let fact = Fact::new(
            crate::now(),
            FactBody::AccountDisabled(AccountDisabled {
                id: officer_id,
                disabled,
            }),
        );
        let by = actor
            .map(|a| a.officer.to_string())
            .unwrap_or_else(|| "operator".into());
        self.account_job(
            &by,
            fact,
            AccountRow {
                disabled,
                ..account
            },
        )
        .await
    }

    async fn account_job(&self, by: &str, fact: Fact, row: AccountRow) -> Result<(), AppError> {
        let author = Author {
            actor: by.into(),
            registering_unit: None,
        };
        let options = crate::writer::JobOptions {
            accounts: vec![row],
            ..Default::default()
        };
        self.submit(author, vec![fact], options)
            .await
            .map(|_| ())
            .map_err(|f| {
                f.refused
                    .into_iter()
                    .next()
                    .map(|(_, e)| e)
                    .unwrap_or(AppError::NotFound)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_against_their_hash() {
        let hash = hash_password("正确的密码123");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("正确的密码123", &hash));
        assert!(!verify_password("错误的密码123", &hash));
        assert_ne!(hash, hash_password("正确的密码123"), "salts differ");
    }

    fn minutes(n: i64) -> jiff::SignedDuration {
        jiff::SignedDuration::from_mins(n)
    }

    fn start() -> jiff::Timestamp {
        "2026-03-02T01:00:00Z".parse().unwrap()
    }

    /// `n` wrong passwords for `username`, `gap` apart from `from`; the lock state after each.
    fn fail(
        lockouts: &Lockouts,
        username: &str,
        from: jiff::Timestamp,
        gap: jiff::SignedDuration,
        n: i64,
    ) -> Vec<Option<jiff::Timestamp>> {
        (0..n)
            .map(|i| {
                let at = from + gap * i32::try_from(i).unwrap();
                lockouts.begin(username, at).expect("not locked yet");
                lockouts.failed(username, at)
            })
            .collect()
    }

    #[test]
    fn five_wrong_passwords_in_fifteen_minutes_lock_for_fifteen_minutes() {
        let lockouts = Lockouts::default();
        let t = start();
        let states = fail(&lockouts, "zhangsan", t, minutes(3), 5);
        let fifth = t + minutes(12);
        let until = fifth + LOCKOUT_DURATION;
        assert_eq!(states, [None, None, None, None, Some(until)]);
        // Locked, whatever the password: `begin` refuses before any is checked.
        assert_eq!(lockouts.begin("zhangsan", fifth + minutes(1)), Err(until));
        assert_eq!(
            lockouts.begin("zhangsan", until - jiff::SignedDuration::from_secs(1)),
            Err(until)
        );
        // Other usernames are not affected.
        assert_eq!(lockouts.begin("lisi", fifth), Ok(()));
        // When the lock ends the count starts again from nothing.
        assert_eq!(lockouts.begin("zhangsan", until), Ok(()));
        assert_eq!(lockouts.failed("zhangsan", until), None);
        assert_eq!(
            fail(&lockouts, "zhangsan", until + minutes(1), minutes(1), 3),
            [None, None, None]
        );
        assert_eq!(
            lockouts.failed("zhangsan", until + minutes(4)),
            None,
            "four failures since the lock ended"
        );
    }

    #[test]
    fn failures_older_than_the_window_do_not_count() {
        let lockouts = Lockouts::default();
        // Five failures, four minutes apart: the first is 16 minutes old at the fifth.
        let states = fail(&lockouts, "zhangsan", start(), minutes(4), 5);
        assert_eq!(states, [None; 5]);
        // At minute 17 the window holds the failures at 4, 8, 12 and 16, and this one.
        let sixth = start() + minutes(17);
        assert_eq!(lockouts.begin("zhangsan", sixth), Ok(()));
        assert_eq!(
            lockouts.failed("zhangsan", sixth),
            Some(sixth + LOCKOUT_DURATION),
            "five failures within the last fifteen minutes"
        );
    }

    #[test]
    fn the_right_password_clears_the_count() {
        let lockouts = Lockouts::default();
        fail(&lockouts, "zhangsan", start(), minutes(1), 4);
        lockouts.begin("zhangsan", start() + minutes(5)).unwrap();
        lockouts.succeeded("zhangsan");
        let states = fail(&lockouts, "zhangsan", start() + minutes(6), minutes(1), 4);
        assert_eq!(states, [None; 4]);
    }

    #[test]
    fn attempts_in_flight_count_so_parallel_guesses_cannot_exceed_the_limit() {
        let lockouts = Lockouts::default();
        let t = start();
        for _ in 0..LOGIN_FAILURES_MAX {
            assert_eq!(lockouts.begin("zhangsan", t), Ok(()));
        }
        assert_eq!(lockouts.begin("zhangsan", t), Err(t + LOCKOUT_DURATION));
        // An attempt abandoned before its password was checked gives its place back.
        lockouts.abandon("zhangsan", t);
        assert_eq!(lockouts.begin("zhangsan", t), Ok(()));
    }

    #[test]
    fn usernames_are_tracked_trimmed_and_by_a_bounded_prefix() {
        let lockouts = Lockouts::default();
        fail(&lockouts, " zhangsan ", start(), minutes(1), 5);
        assert!(lockouts.begin("zhangsan", start() + minutes(5)).is_err());
        let long = "警".repeat(200);
        assert!(lockout_key(&long).len() <= LOCKOUT_KEY_BYTES_MAX);
        assert!(long.starts_with(&lockout_key(&long)));
    }

    #[test]
    fn a_spray_of_usernames_is_bounded_and_evicts_the_stalest_unlocked_first() {
        let lockouts = Lockouts::default();
        let t = start();
        fail(&lockouts, "locked", t, jiff::SignedDuration::ZERO, 5);
        lockouts.begin("oldest", t).unwrap();
        lockouts.failed("oldest", t);
        for i in 0..LOCKOUT_ENTRIES_MAX + 10 {
            let at = t + minutes(1);
            lockouts.begin(&format!("sprayed-{i}"), at).unwrap();
        }
        let entries = lockouts.entries.lock().unwrap();
        assert_eq!(entries.len(), LOCKOUT_ENTRIES_MAX);
        assert!(entries.contains_key("locked"), "a lock outlives the spray");
        assert!(
            !entries.contains_key("oldest"),
            "the stalest entry went first"
        );
    }

    #[test]
    fn the_dummy_hash_costs_a_full_verification() {
        // Same algorithm and parameters as a real account's hash: a wrong username does the
        // same argon2 work as a wrong password.
        let real_hash = hash_password("正确的密码123");
        let real = PasswordHash::new(&real_hash).unwrap().params.to_string();
        let dummy = PasswordHash::new(&DUMMY_HASH).unwrap().params.to_string();
        assert_eq!(real, dummy);
        assert!(DUMMY_HASH.starts_with("$argon2id$"));
        assert!(!verify_password("no account has this-", &DUMMY_HASH));
    }

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_ne!(token_hash(&a), a);
    }
}
