//! The API against its own OpenAPI document: schemathesis (PyPI; `.ci/setup --browser` installs
//! it into `target/schemathesis`) generates requests from `/api/v1/openapi.json` for a bounded
//! time — the document's examples, its boundaries, then random ones — against the real server
//! with a fresh database, and fails on any 5xx and on any answer the document does not describe
//! (status, content type, body).

use portal_tests::spawn_app;
use std::path::PathBuf;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_answer_of_the_api_is_one_its_document_describes() {
    let st = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/schemathesis/bin/st");
    assert!(
        st.exists(),
        "schemathesis is missing at {}: run .ci/setup --browser",
        st.display()
    );
    let seconds = std::env::var("PORTAL_SCHEMATHESIS_SECONDS").unwrap_or_else(|_| "60".into());
    let app = spawn_app().await;
    let run = tokio::process::Command::new(&st)
        .args([
            "run",
            &app.url("/api/v1/openapi.json"),
            "--checks",
            "not_a_server_error,status_code_conformance,content_type_conformance,\
             response_schema_conformance",
            "--phases",
            "examples,coverage,fuzzing",
            "--max-time",
            &seconds,
            "--workers",
            "2",
            "--no-color",
        ])
        .env("SCHEMATHESIS_TELEMETRY", "false")
        // Its cache of findings goes under target/, never into the checkout.
        .current_dir(st.parent().and_then(|bin| bin.parent()).expect("the venv"))
        .kill_on_drop(true)
        .output()
        .await
        .expect("schemathesis runs");
    let report = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "schemathesis found answers outside the document:\n{report}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(report.contains("passed"), "{report}");
}
