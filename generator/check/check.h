// Checking (勾稽关系): a scored project with the figures a submitted
// document states in, a list of findings out.
//
// Every stated figure is recomputed from what it is made of — a score from
// its rule and data, a parent from its children, a total from its parts, a
// grade from its band, a rate from its numerator and denominator, survey
// shares from their counts, balances from 年初 + 收入 − 支出 — and compared
// exactly at the precision the document wrote it with. A difference is an
// error; with an explicit tolerance, a difference within it is a warning.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "score/score.h"

namespace jixiao {

struct Finding {
  Severity severity = Severity::kError;
  std::string kind;       // English code: "survey-share", "parent-sum", …
  SourceLoc loc;          // where the stated figure stands
  std::string indicator;  // its indicator code, if any
  std::string subject;    // what the figure is: "附件2 Q2 熟悉 占比"
  std::string stated;     // as written
  std::string expected;   // what it should be
  std::string message;    // the whole finding, in Chinese
  std::string effect;     // effect on the total or grade, when it has one
  std::string where;      // where the submitted document prints it, when known ("附件1 第 5 行")
  std::string effect_en;  // `effect` in English, when it has one
};

// A finding's sentence in `lang`: `message` in Chinese; in English, what
// it is about (the document's own label, as written) with the stated and the
// expected figure, or "not filled in"; `message` when it names no subject.
std::string FindingMessage(const Finding& f, Language lang);
// Its effect on the grade in `lang`; "" when it has none.
const std::string& FindingEffect(const Finding& f, Language lang);

// One indicator's submitted score beside the one jixiao arrives at (the
// 审核得分 a reviewer fills), with the difference.
struct ScoreLine {
  std::string code, name;
  Decimal weight;
  std::optional<std::string> submitted;  // as written; none when the submission gives none
  Decimal reviewed;
  std::optional<Decimal> difference;  // reviewed − submitted
};

struct CheckOptions {
  Decimal tolerance;  // differences up to this are warnings (default 0: none)
  Language language = Language::kChinese;  // of the messages a finding quotes from a diagnostic
};

struct CheckResult {
  std::string target;  // what was checked
  std::string name;    // project name
  std::string source;  // the document the stated figures come from
  std::vector<Finding> findings;  // errors first, then warnings, each in document order
  size_t errors = 0, warnings = 0;
  bool stated = false;  // whether any figures were stated
  std::vector<ScoreLine> scores;  // every indicator, parents first; the total last
};

CheckResult CheckProject(const ScoredProject& sp, const CheckOptions& opt);

// The check kinds with their Chinese names, for the docs and --help.
const std::vector<std::pair<std::string, std::string>>& CheckKinds();
// A kind's name in `lang` ("得分未填写" for blank-score; msg::kCheckKinds); the code when unknown.
std::string CheckKindName(const std::string& kind, Language lang = Language::kChinese);

// The findings for a terminal, the tool's words in `lang` (the findings'
// own messages are Chinese).
std::string RenderCheckTerminal(const CheckResult& r, Language lang = Language::kChinese);
std::string RenderCheckJson(const CheckResult& r);
std::string RenderCheckMarkdown(const CheckResult& r);
// `check --json` on an input it could not read at all: the diagnostics, so
// a caller always gets JSON.
std::string RenderRefusalJson(const std::string& target, const std::vector<Diagnostic>& diagnostics,
                              Language language);

}  // namespace jixiao
