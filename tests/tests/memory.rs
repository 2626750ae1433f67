//! Uploads are not held in memory: concurrent posts full of large files leave the server's peak
//! memory where it was. A test binary of its own, so that the process's peak (`VmHWM`) is this
//! test's alone; the client streams its bodies from one small buffer, so what grows is the
//! server's.

use portal_tests::spawn_app_with;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The process's peak resident memory so far, in bytes (Linux).
fn peak_resident() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .expect("VmHWM")
        * 1024
}

/// Posts the attachments page with `files` parts of `size` bytes each, streamed from one 64 KiB
/// buffer over a plain connection; the status line's code.
async fn post_files(addr: std::net::SocketAddr, client: String, files: usize, size: usize) -> u16 {
    let boundary = "portal-memory-test-boundary";
    let mut head = String::new();
    for (k, v) in [
        ("step", "attachments"),
        ("action", "upload"),
        ("title", "工资拖欠问题"),
    ] {
        head.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
        ));
    }
    let part_head = |i: usize| {
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; \
             filename=\"scan{i}.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
        )
    };
    let tail = format!("--{boundary}--\r\n");
    let length = head.len()
        + (0..files)
            .map(|i| part_head(i).len() + size + 2)
            .sum::<usize>()
        + tail.len();
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connects");
    let request = format!(
        "POST /petition HTTP/1.1\r\nHost: {addr}\r\nX-Forwarded-For: {client}\r\n\
         Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {length}\r\n\
         Connection: close\r\n\r\n{head}"
    );
    stream.write_all(request.as_bytes()).await.expect("writes");
    let mut chunk = vec![7u8; 64 * 1024];
    chunk[..4].copy_from_slice(&[0xFF, 0xD8, 0xFF, 0xE0]);
    for i in 0..files {
        stream
            .write_all(part_head(i).as_bytes())
            .await
            .expect("writes");
        let mut left = size;
        while left > 0 {
            let n = left.min(chunk.len());
            if stream.write_all(&chunk[..n]).await.is_err() {
                break;
            }
            left -= n;
        }
        let _ = stream.write_all(b"\r\n").await;
    }
    let _ = stream.write_all(tail.as_bytes()).await;
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let status = String::from_utf8_lossy(&answer);
    status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_posts_of_large_files_are_not_held_in_memory() {
    // Each post from its own client (named through a trusted proxy), so that all eight are read
    // at once: one client may have only two upload posts in flight.
    let app = spawn_app_with(|s| {
        s.trusted_proxies = app::kernel::client::TrustedProxies::parse("127.0.0.1").unwrap();
    })
    .await;
    // Warm up: the first post loads what every post needs (pages, the catalogue).
    assert_eq!(
        post_files(app.addr, "203.0.113.99".into(), 1, 1024).await,
        200
    );
    let before = peak_resident();
    // Eight posts at once, each with eight files of 12 MB (96 MB a post, under the 100 MB
    // limit): 768 MB sent, every file over the 10 MB a file may have. Held in memory, as before,
    // that was 10 MB a file kept: 640 MB.
    let posts: Vec<_> = (0..8)
        .map(|i| {
            tokio::spawn(post_files(
                app.addr,
                format!("203.0.113.{i}"),
                8,
                12 * 1024 * 1024,
            ))
        })
        .collect();
    for post in posts {
        assert_eq!(post.await.unwrap(), 422, "each file is refused as too big");
    }
    let grown = peak_resident().saturating_sub(before);
    eprintln!("peak resident memory grew by {} MB", grown / (1024 * 1024));
    assert!(
        grown < 64 * 1024 * 1024,
        "the peak grew by {} MB",
        grown / (1024 * 1024)
    );
    // And nothing of them is left on disk (the warm-up's small file is in the database).
    let left = std::fs::read_dir(app.data_dir.join("attachments"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(left, 0, "nothing left on disk");
}
