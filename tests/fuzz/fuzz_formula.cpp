// Formulas: parsed, then evaluated over a few names in exact arithmetic.
#include "base/decimal.h"
#include "formula/formula.h"

using namespace jixiao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    Formula f = Formula::Parse(text);
    f.Evaluate([](const std::string& n) -> std::optional<Decimal> {
      if (n == "a") return Decimal(3);
      if (n == "b") return *Decimal::Parse("925.59");
      if (n == "x") return *Decimal::Parse("0.9056");
      if (n == "零") return Decimal(0);
      return std::nullopt;
    });
  } catch (const FormulaError&) {
  } catch (const DecimalLimitError&) {
  }
  return 0;
}
