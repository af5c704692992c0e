//! A room whose alert hook is a small script that writes down every call.

use std::path::PathBuf;

use super::Room;

/// A room whose alert command is a small script appending `ID STAGE MESSAGE`
/// to a file; returns the file.
pub fn room_with_hook() -> (Room, PathBuf) {
    let room = Room::new();
    let sent = room.path("sent.txt");
    let script = room.write(
        "hook.sh",
        format!(
            "#!/bin/sh\nprintf '%s %s %s\\n' \"$1\" \"$2\" \"$3\" >> '{}'\n",
            sent.display()
        ),
    );
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let toml = std::fs::read_to_string(room.path("config/gridwatch.toml")).unwrap();
    let command = format!(
        r#"command = ["{}", "{{id}}", "{{stage}}", "{{message}}"]"#,
        script.display()
    );
    assert!(toml.contains("command = []"));
    room.write(
        "config/gridwatch.toml",
        toml.replace("command = []", &command),
    );
    (room, sent)
}

pub fn sent_lines(sent: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_to_string(sent)
        .unwrap_or_default()
        .lines()
        .map(String::from)
        .collect();
    v.sort();
    v
}
