#include "render/render_history.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/messages.h"
#include "base/precision.h"
#include "render/render.h"

namespace jixiao {
namespace {

std::string Say(Language lang, const MessageDef& def) { return Pick(Format(def), lang); }

HistoryCell TextCell(std::string s) { return HistoryCell{std::move(s), std::nullopt, false}; }
HistoryCell Score(const Decimal& d) { return HistoryCell{d.ToFixed(kScorePlaces), d, false}; }
HistoryCell Count(long long n) { return HistoryCell{std::to_string(n), Decimal{static_cast<long>(n)}, false}; }
HistoryCell Change(const Decimal& d) { return HistoryCell{ChangeText(d), d, true}; }
HistoryCell Blank() { return TextCell(""); }

std::string Json(const Decimal& d) { return d.ToFixed(kScorePlaces); }
std::string Json(const std::optional<Decimal>& d) { return d ? Json(*d) : "null"; }

// The run's fields as a JSON object, left open for more when `open`.
std::string RunJson(const ArchivedRun& r, bool open) {
  return fmt::format(
      "{{\"project\": {}, \"department\": {}, \"year\": {}, \"system\": {}, \"kind\": {}, \"total\": {}, "
      "\"full_marks\": {}, \"deductions\": {}, \"grade\": {}, \"stated_total\": {}, \"stated_grade\": {}, "
      "\"errors\": {}, \"warnings\": {}, \"source\": {}, \"archived_at\": {}, \"run\": {}{}",
      JsonString(r.name), JsonString(r.department), JsonString(r.year), JsonString(r.system_name),
      JsonString(r.kind), Json(r.total), r.full_marks.ToShort(kScorePlaces), Json(r.deductions), JsonString(r.grade),
      Json(r.stated_total), r.stated_grade.empty() ? "null" : JsonString(r.stated_grade), r.errors, r.warnings,
      JsonString(r.source), JsonString(r.created_at), r.id, open ? "" : "}");
}

}  // namespace

std::string ChangeText(const Decimal& change) {
  if (change.IsZero()) return change.ToFixed(kScorePlaces);
  if (change < Decimal{}) return "−" + (Decimal{} - change).ToFixed(kScorePlaces);
  return "+" + change.ToFixed(kScorePlaces);
}

std::vector<HistoryTable> HistoryTables(const ProjectHistory& h, Language lang) {
  std::vector<HistoryTable> out;
  if (h.years.empty()) return out;
  const ArchivedRun& last = h.years.back();
  // The totals, year by year.
  HistoryTable totals;
  totals.title = Pick(Format(msg::kHistoryProjectTitle, last.name, last.department, h.years.size()), lang);
  totals.heads = {Say(lang, msg::kHistYear), Say(lang, msg::kHistTotal), Say(lang, msg::kHistGrade),
                  Say(lang, msg::kHistChange), Say(lang, msg::kHistStated), Say(lang, msg::kHistErrors)};
  for (size_t i = 0; i < h.years.size(); ++i) {
    const ArchivedRun& r = h.years[i];
    totals.rows.push_back({TextCell(r.year), Score(r.total), TextCell(r.grade),
                           i ? Change(r.total - h.years[i - 1].total) : Blank(),
                           r.stated_total ? Score(*r.stated_total) : Blank(), Count(r.errors)});
  }
  out.push_back(std::move(totals));
  // Every indicator: its score each year, the last change and the last year's reason.
  HistoryTable ind;
  ind.title = Say(lang, msg::kHistIndicatorsTitle);
  ind.heads = {Say(lang, msg::kHistCode), Say(lang, msg::kHistIndicator), Say(lang, msg::kHistWeight)};
  for (const ArchivedRun& r : h.years) ind.heads.push_back(r.year);
  ind.heads.push_back(Say(lang, msg::kHistChange));
  ind.heads.push_back(Pick(Format(msg::kHistReason, last.year), lang));
  // Codes in the order of the latest year, then any only earlier years had.
  std::vector<const ArchivedScore*> order;
  std::set<std::string> seen;
  for (auto it = h.years.rbegin(); it != h.years.rend(); ++it)
    for (const ArchivedScore& s : it->scores)
      if (seen.insert(s.code).second) order.push_back(&s);
  auto find = [](const ArchivedRun& r, const std::string& code) -> const ArchivedScore* {
    for (const ArchivedScore& s : r.scores)
      if (s.code == code) return &s;
    return nullptr;
  };
  for (const ArchivedScore* s : order) {
    std::vector<HistoryCell> row = {TextCell(s->code), TextCell(std::string(static_cast<size_t>((s->level - 1) * 2), ' ') + s->name),
                                    TextCell(s->weight.ToShort(kScorePlaces))};
    for (const ArchivedRun& r : h.years) {
      const ArchivedScore* y = find(r, s->code);
      row.push_back(y ? Score(y->score) : Blank());
    }
    const ArchivedScore* now = find(last, s->code);
    const ArchivedScore* before = h.years.size() > 1 ? find(h.years[h.years.size() - 2], s->code) : nullptr;
    row.push_back(now && before ? Change(now->score - before->score) : Blank());
    row.push_back(TextCell(now && now->score < now->weight ? now->reason : ""));
    ind.rows.push_back(std::move(row));
  }
  out.push_back(std::move(ind));
  return out;
}

std::vector<HistoryTable> HistoryTables(const DepartmentHistory& h, Language lang) {
  HistoryTable t;
  std::set<std::string> projects;
  for (const ArchivedRun& r : h.runs) projects.insert(r.project_key);
  t.title = Pick(Format(msg::kHistoryDepartmentTitle, h.query, projects.size()), lang);
  t.heads = {Say(lang, msg::kHistProject), Say(lang, msg::kHistDepartment), Say(lang, msg::kHistYear),
             Say(lang, msg::kHistTotal),   Say(lang, msg::kHistGrade),      Say(lang, msg::kHistChange),
             Say(lang, msg::kHistStated),  Say(lang, msg::kHistErrors)};
  for (size_t i = 0; i < h.runs.size(); ++i) {
    const ArchivedRun& r = h.runs[i];
    bool same = i && h.runs[i - 1].project_key == r.project_key;
    t.rows.push_back({TextCell(r.name), TextCell(r.department), TextCell(r.year), Score(r.total), TextCell(r.grade),
                      same ? Change(r.total - h.runs[i - 1].total) : Blank(),
                      r.stated_total ? Score(*r.stated_total) : Blank(), Count(r.errors)});
  }
  return {t};
}

std::vector<HistoryTable> HistoryTables(const SystemDistribution& h, Language lang) {
  HistoryTable t;
  t.title = Pick(Format(msg::kHistorySystemTitle, h.query), lang);
  t.heads = {Say(lang, msg::kHistYear), Say(lang, msg::kHistProjects), Say(lang, msg::kHistMin),
             Say(lang, msg::kHistMedian), Say(lang, msg::kHistMean), Say(lang, msg::kHistMax),
             Say(lang, msg::kHistGrades)};
  for (const YearDistribution& y : h.years) {
    std::string grades;
    for (const auto& [g, n] : y.grades) grades += (grades.empty() ? "" : "  ") + g + " " + std::to_string(n);
    t.rows.push_back({TextCell(y.year), Count(y.projects), Score(y.min), Score(y.median.Round(kScorePlaces)),
                      Score(y.mean.Round(kScorePlaces)), Score(y.max), TextCell(grades)});
  }
  return {t};
}

std::vector<HistoryTable> HistoryTables(const RevisedHistory& h, Language lang) {
  HistoryTable t;
  t.title = Pick(Format(msg::kHistoryRevisedTitle, h.runs.size() + h.more), lang);
  t.heads = {Say(lang, msg::kHistYear),     Say(lang, msg::kHistDepartment), Say(lang, msg::kHistProject),
             Say(lang, msg::kHistStated),   Say(lang, msg::kHistReviewed),   Say(lang, msg::kHistDifference),
             Say(lang, msg::kHistGrade)};
  for (const ArchivedRun& r : h.runs) {
    Decimal stated = r.stated_total.value_or(Decimal{});
    std::string grades = r.stated_grade.empty() || r.stated_grade == r.grade ? r.grade : r.stated_grade + " → " + r.grade;
    t.rows.push_back({TextCell(r.year), TextCell(r.department), TextCell(r.name), Score(stated), Score(r.total),
                      Change(r.total.Round(kScorePlaces) - stated.Round(kScorePlaces)), TextCell(grades)});
  }
  if (h.more) t.note = Pick(Format(msg::kHistoryMore, h.more), lang);
  return {t};
}

std::string RenderHistoryTerminal(const std::vector<HistoryTable>& tables) {
  std::string out;
  for (const HistoryTable& t : tables) {
    if (!out.empty()) out += "\n";
    out += t.title + "\n";
    std::vector<size_t> width(t.heads.size(), 0);
    for (size_t c = 0; c < t.heads.size(); ++c) width[c] = DisplayWidth(t.heads[c]);
    for (const auto& row : t.rows)
      for (size_t c = 0; c < row.size() && c < width.size(); ++c)
        width[c] = std::max(width[c], DisplayWidth(row[c].text));
    auto line = [&](const std::vector<std::string>& cells, const std::vector<bool>& right) {
      std::string l;
      for (size_t c = 0; c < cells.size(); ++c) {
        size_t pad = width[c] - std::min(width[c], DisplayWidth(cells[c]));
        bool last = c + 1 == cells.size();
        if (right[c]) l += std::string(pad, ' ') + cells[c];
        else l += cells[c] + (last ? "" : std::string(pad, ' '));
        if (!last) l += "  ";
      }
      while (!l.empty() && l.back() == ' ') l.pop_back();
      return l + "\n";
    };
    std::vector<bool> right(t.heads.size(), false);
    for (const auto& row : t.rows)
      for (size_t c = 0; c < row.size() && c < right.size(); ++c)
        if (row[c].number) right[c] = true;
    out += line(t.heads, right);
    for (const auto& row : t.rows) {
      std::vector<std::string> cells;
      for (const HistoryCell& cell : row) cells.push_back(cell.text);
      out += line(cells, right);
    }
    if (!t.note.empty()) out += t.note + "\n";
  }
  return out;
}

std::string RenderHistoryTablesJson(const std::vector<HistoryTable>& tables) {
  std::string out = "[";
  for (size_t t = 0; t < tables.size(); ++t) {
    const HistoryTable& table = tables[t];
    std::string heads;
    for (const std::string& h : table.heads) heads += (heads.empty() ? "" : ", ") + JsonString(h);
    out += fmt::format("{}\n  {{\"title\": {}, \"heads\": [{}], \"note\": {}, \"rows\": [", t ? "," : "",
                       JsonString(table.title), heads, JsonString(table.note));
    for (size_t r = 0; r < table.rows.size(); ++r) {
      std::string cells;
      for (const HistoryCell& c : table.rows[r])
        cells += fmt::format("{}{{\"text\": {}, \"number\": {}, \"change\": {}}}", cells.empty() ? "" : ", ",
                             JsonString(c.text), c.number ? JsonString(c.number->ToExactString()) : "null",
                             c.change ? "true" : "false");
      out += fmt::format("{}\n    [{}]", r ? "," : "", cells);
    }
    out += "]}";
  }
  return out + "\n]";
}

std::string RenderHistoryJson(const ProjectHistory& h) {
  std::string out = fmt::format("{{\n  \"query\": {},\n  \"years\": [", JsonString(h.query));
  for (size_t i = 0; i < h.years.size(); ++i) {
    const ArchivedRun& r = h.years[i];
    out += (i ? ",\n    " : "\n    ") + RunJson(r, true);
    out += fmt::format(", \"change\": {}, \"indicators\": [",
                       i ? Json(r.total - h.years[i - 1].total) : std::string("null"));
    for (size_t k = 0; k < r.scores.size(); ++k) {
      const ArchivedScore& s = r.scores[k];
      std::string change = "null";
      if (i)
        for (const ArchivedScore& b : h.years[i - 1].scores)
          if (b.code == s.code) change = Json(s.score - b.score);
      out += fmt::format("{}\n      {{\"code\": {}, \"name\": {}, \"level\": {}, \"weight\": {}, \"score\": {}, "
                         "\"change\": {}, \"stated\": {}, \"reason\": {}}}",
                         k ? "," : "", JsonString(s.code), JsonString(s.name), s.level, s.weight.ToShort(kScorePlaces),
                         Json(s.score), change, s.stated ? JsonString(*s.stated) : "null", JsonString(s.reason));
    }
    out += "\n    ]}";
  }
  return out + "\n  ]\n}\n";
}

std::string RenderHistoryJson(const DepartmentHistory& h) {
  std::string out = fmt::format("{{\n  \"query\": {},\n  \"runs\": [", JsonString(h.query));
  for (size_t i = 0; i < h.runs.size(); ++i) out += (i ? ",\n    " : "\n    ") + RunJson(h.runs[i], false);
  return out + "\n  ]\n}\n";
}

std::string RenderHistoryJson(const SystemDistribution& h) {
  std::string out = fmt::format("{{\n  \"query\": {},\n  \"years\": [", JsonString(h.query));
  for (size_t i = 0; i < h.years.size(); ++i) {
    const YearDistribution& y = h.years[i];
    std::string grades;
    for (const auto& [g, n] : y.grades) grades += (grades.empty() ? "" : ", ") + JsonString(g) + ": " + std::to_string(n);
    out += fmt::format("{}\n    {{\"year\": {}, \"projects\": {}, \"min\": {}, \"median\": {}, \"mean\": {}, "
                       "\"max\": {}, \"grades\": {{{}}}}}",
                       i ? "," : "", JsonString(y.year), y.projects, Json(y.min), y.median.ToExactString(),
                       y.mean.ToExactString(), Json(y.max), grades);
  }
  return out + "\n  ]\n}\n";
}

std::string RenderHistoryJson(const RevisedHistory& h) {
  std::string out = fmt::format("{{\n  \"year\": {},\n  \"department\": {},\n  \"more\": {},\n  \"runs\": [",
                                h.year.empty() ? "null" : JsonString(h.year),
                                h.department.empty() ? "null" : JsonString(h.department), h.more);
  for (size_t i = 0; i < h.runs.size(); ++i) out += (i ? ",\n    " : "\n    ") + RunJson(h.runs[i], false);
  return out + "\n  ]\n}\n";
}

}  // namespace jixiao
