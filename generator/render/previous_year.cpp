// Last year's figures in a report: the `previous` section of its data.
#include "base/precision.h"
#include "render/render_history.h"
#include "render/report_mustache.h"

namespace jixiao {

void AddPreviousYear(TemplateValue& d, const ScoredProject& sp, const PreviousYear& py) {
  TemplateValue p;
  Decimal change = sp.total - py.total;
  p.Set("year", py.year);
  p.Set("last_total", py.total.ToFixed(kScorePlaces));
  p.Set("last_grade", py.grade);
  p.Set("change", ChangeText(change));
  std::string how = change.IsZero()     ? "持平"
                    : change < Decimal{} ? "下降 " + (Decimal{} - change).ToFixed(kScorePlaces) + " 分"
                                         : "提高 " + change.ToFixed(kScorePlaces) + " 分";
  std::string sentence = "与上年（" + py.year + " 年度，" + py.total.ToFixed(kScorePlaces) + " 分，“" + py.grade +
                         "”）相比，综合得分" + how;
  if (py.grade != sp.grade) sentence += "，等级由“" + py.grade + "”变为“" + sp.grade + "”";
  p.Set("sentence", sentence + "。");
  TemplateValue rows = TemplateValue::List();
  for (const ScoredIndicator& root : sp.roots) {
    TemplateValue r;
    r.Set("code", root.def->code);
    r.Set("name", root.def->name);
    r.Set("weight", root.def->weight.ToShort(kScorePlaces));
    r.Set("score", root.score.ToFixed(kScorePlaces));
    r.Set("rate", RateText(root.rate));
    const Decimal* last = py.Score(root.def->code);
    r.Set("last_score", last ? last->ToFixed(kScorePlaces) : "—");
    r.Set("change", last ? ChangeText(root.score - *last) : "—");
    rows.Append(std::move(r));
  }
  p.Set("rows", std::move(rows));
  d.Set("previous", std::move(p));
}

}  // namespace jixiao
