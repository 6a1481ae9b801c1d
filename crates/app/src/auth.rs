//! Accounts, passwords (argon2id), browser sessions and API tokens. Secrets are random 256-bit
//! values; only their SHA-256 is stored, so a stolen database yields no usable token.

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

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

fn check_password_strength(password: &str) -> Result<(), AppError> {
    if password.chars().count() < PASSWORD_LENGTH_MIN {
        return Err(domain::DomainError::invalid(
            "password",
            format!("密码至少{PASSWORD_LENGTH_MIN}位 (at least {PASSWORD_LENGTH_MIN} characters)"),
        )
        .into());
    }
    Ok(())
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

    /// Checks a password and opens a browser session.
    pub async fn login(&self, username: &str, password: &str) -> Result<LoginOutcome, AppError> {
        let account = self.store().account_by_username(username.trim()).await?;
        let Some(account) = account.filter(|a| !a.disabled) else {
            // Same work either way, so timing does not reveal which usernames exist.
            verify_password(
                password,
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$0000000000000000000000000000000000000000000",
            );
            return Err(login_failed());
        };
        let hash = account.password_hash.clone();
        let password = password.to_owned();
        let ok = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
            .await
            .unwrap_or(false);
        if !ok {
            return Err(login_failed());
        }
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
        let session = self
            .store()
            .session(&token_hash(token), now)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let account = self.store().account_by_officer(&session.officer).await?;
        if account.as_ref().is_none_or(|a| a.disabled) {
            return Err(AppError::Unauthenticated);
        }
        self.actor(&session.officer).await
    }

    /// Ends a session.
    pub async fn logout(&self, token: &str) -> Result<(), AppError> {
        Ok(self.store().delete_session(&token_hash(token)).await?)
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
        check_password_strength(new)?;
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
        check_password_strength(password)?;
        let officer_id =
            OfficerId::parse(officer).map_err(|e| domain::DomainError::invalid("officer", e))?;
        if !self.world().await.officers.contains_key(&officer_id) {
            return Err(AppError::NotFound);
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
            Some(_) => FactBody::AccountPasswordSet(AccountPasswordSet {
                id: officer_id,
                reset: true,
            }),
            None => FactBody::AccountCreated(AccountCreated {
                id: officer_id,
                username: row.username.clone(),
            }),
        };
        let by = actor
            .map(|a| a.officer.to_string())
            .unwrap_or_else(|| "admin-cli".into());
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
            .unwrap_or_else(|| "admin-cli".into());
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
        self.submit(author, vec![fact], vec![row], None, false)
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

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_ne!(token_hash(&a), a);
    }
}
