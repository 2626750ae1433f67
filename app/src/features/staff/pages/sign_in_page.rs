use crate::domain::message::Msg;
use crate::ui::PageTitle;
use crate::ui::form::{ErrorSummary, FieldError, TextField, error_for, form_title};
use leptos::prelude::*;

/// Why the last sign-in failed. The server re-renders the page with it; nothing typed except the
/// password is lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInProblem {
    Missing {
        username: bool,
        password: bool,
    },
    /// The same answer for an unknown name and a wrong password: it must not tell which names exist.
    Wrong,
    TooManyAttempts {
        wait_seconds: u64,
    },
}

/// What the server hands the page after a failed POST.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignInAttempt {
    pub username: String,
    pub problem: Option<SignInProblem>,
}

impl SignInAttempt {
    fn errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        match &self.problem {
            None => {}
            Some(SignInProblem::Missing { username, password }) => {
                if *username {
                    errors.push(FieldError {
                        field: "username".into(),
                        message: Msg::verbatim("请输入用户名"),
                    });
                }
                if *password {
                    errors.push(FieldError {
                        field: "password".into(),
                        message: Msg::verbatim("请输入密码"),
                    });
                }
            }
            Some(SignInProblem::Wrong) => errors.push(FieldError {
                field: "password".into(),
                message: Msg::verbatim("用户名或密码不正确，请检查后重新输入"),
            }),
            Some(SignInProblem::TooManyAttempts { wait_seconds }) => errors.push(FieldError {
                field: "password".into(),
                message: Msg::verbatim(format!(
                    "尝试次数过多，请在 {} 后再试",
                    crate::ui::i18n::text(&crate::domain::throttle::wait_msg(*wait_seconds))
                )),
            }),
        }
        errors
    }
}

/// 工作人员登录: a plain form posted to the server, which works without JavaScript.
#[component]
pub fn SignInPage() -> impl IntoView {
    let attempt = use_context::<SignInAttempt>().unwrap_or_default();
    let errors = attempt.errors();
    let title = form_title("工作人员登录", &errors);
    view! {
        <PageTitle text=title />
        <div class="wrap narrow">
            <ErrorSummary errors=errors.clone() />
            <h1>"工作人员登录"</h1>
            <p>"本入口供信访局和承办单位工作人员使用。群众反映问题无需登录。"</p>
            <form method="post" action="/staff/login" novalidate>
                <TextField
                    id="username"
                    label="用户名"
                    autocomplete=Some("username")
                    value=attempt.username.clone()
                    error=error_for(&errors, "username")
                />
                <TextField
                    id="password"
                    label="密码"
                    kind="password"
                    autocomplete=Some("current-password")
                    error=error_for(&errors, "password")
                />
                <button type="submit" class="button">
                    "登录"
                </button>
            </form>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_problem_names_its_field() {
        let missing = SignInAttempt {
            username: String::new(),
            problem: Some(SignInProblem::Missing {
                username: true,
                password: true,
            }),
        };
        let fields: Vec<_> = missing.errors().iter().map(|e| e.field.clone()).collect();
        assert_eq!(fields, ["username", "password"]);
        let wrong = SignInAttempt {
            username: "dengji".into(),
            problem: Some(SignInProblem::Wrong),
        };
        assert_eq!(wrong.errors()[0].field, "password");
    }
}
