#include "archive/schema.h"

namespace jixiao {

namespace {

// Version 1: runs and what each keeps. Text never NULL: '' is "not stated";
// `revised` is 1 when the submission's stated total is not the reviewed one;
// `latest` is 1 on the run that is its project's figures for its year (the
// one stored last), 0 on the runs it replaced. The indexes serve `jixiao history`:
// a project across years, a department, a system's years, the revised ones.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE runs (
  id BIGINT PRIMARY KEY,
  inputs_hash TEXT NOT NULL UNIQUE,
  project_key TEXT NOT NULL,
  name TEXT NOT NULL,
  year TEXT NOT NULL,
  department TEXT NOT NULL,
  system_name TEXT NOT NULL,
  system_hash TEXT NOT NULL,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  command TEXT NOT NULL,
  total TEXT NOT NULL,
  full_marks TEXT NOT NULL,
  deductions TEXT NOT NULL,
  grade TEXT NOT NULL,
  stated_total TEXT NOT NULL,
  stated_grade TEXT NOT NULL,
  errors INTEGER NOT NULL,
  warnings INTEGER NOT NULL,
  revised INTEGER NOT NULL,
  latest INTEGER NOT NULL,
  indicators INTEGER NOT NULL,
  tool_version TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX runs_by_project ON runs (project_key, year, latest);
CREATE INDEX runs_by_department ON runs (department, latest, year);
CREATE INDEX runs_by_system ON runs (system_name, latest, year);
CREATE INDEX runs_revised ON runs (revised, latest, year, department, name);
CREATE INDEX runs_by_name ON runs (name);
CREATE TABLE scores (
  run_id BIGINT NOT NULL REFERENCES runs (id),
  seq INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  level INTEGER NOT NULL,
  weight TEXT NOT NULL,
  score TEXT NOT NULL,
  stated TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE TABLE deductions (
  run_id BIGINT NOT NULL REFERENCES runs (id),
  seq INTEGER NOT NULL,
  reason TEXT NOT NULL,
  points TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE TABLE findings (
  run_id BIGINT NOT NULL REFERENCES runs (id),
  seq INTEGER NOT NULL,
  severity TEXT NOT NULL,
  kind TEXT NOT NULL,
  location TEXT NOT NULL,
  indicator TEXT NOT NULL,
  subject TEXT NOT NULL,
  stated TEXT NOT NULL,
  expected TEXT NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE TABLE input_files (
  run_id BIGINT NOT NULL REFERENCES runs (id),
  seq INTEGER NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
)
)sql";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kAll = {{1, kVersion1}};
  return kAll;
}

}  // namespace jixiao
