-- 普法园地 and the statute library (条例 第18条): guides, the FAQ and imported law texts. Every
-- saved change is a new version with who and when; readers see the published one.
CREATE TABLE documents (
    id        INTEGER PRIMARY KEY,
    slug      TEXT NOT NULL UNIQUE,
    -- 'guide', 'faq' or 'statute'.
    kind      TEXT NOT NULL,
    -- Order on the index page.
    position  INTEGER NOT NULL DEFAULT 0,
    -- The version readers see; NULL until one is published.
    published INTEGER
);

CREATE TABLE document_versions (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents (id),
    version      INTEGER NOT NULL,
    title        TEXT NOT NULL,
    summary      TEXT NOT NULL,
    -- The Markdown as written or imported; rendered and sanitised when read.
    source       TEXT NOT NULL,
    -- Plain text in Simplified script, for search.
    search_text  TEXT NOT NULL,
    -- A staff username, or 'seed' / 'import' for the operator's tools.
    author       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    published_at TEXT,
    CONSTRAINT document_versions_key UNIQUE (document_id, version)
);

-- The articles of an imported law, one row each, so search can point at `…#第三十四条`.
CREATE TABLE statute_articles (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    position    INTEGER NOT NULL,
    number      TEXT NOT NULL,
    body        TEXT NOT NULL
);

CREATE INDEX statute_articles_by_document ON statute_articles (document_id, position);
