// Decimal: parsing decimal text, exact arithmetic, 四舍五入 and printing.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "base/decimal.h"

using jixiao::Decimal;

namespace {
Decimal D(const char* text) {
  auto d = Decimal::Parse(text);
  REQUIRE_MESSAGE(d.has_value(), "cannot parse ", std::string(text));
  return *d;
}
Decimal Frac(long num, long den) { return Decimal(mpq_class(num, den)); }
}  // namespace

TEST_CASE("Decimal::Parse reads plain decimals exactly") {
  CHECK(D("12") == Decimal(12));
  CHECK(D("0") == Decimal(0));
  CHECK(D("-3") == Decimal(-3));
  CHECK(D("+7") == Decimal(7));
  CHECK(D("-3.5") == Frac(-7, 2));
  CHECK(D("1022.04") == Frac(102204, 100));
  CHECK(D("0.1") == Frac(1, 10));
  CHECK(D(".5") == Frac(1, 2));
  CHECK(D("3.") == Decimal(3));
  CHECK(D("  42  ") == Decimal(42));
  CHECK(D("007.50") == Frac(15, 2));
}

TEST_CASE("Decimal::Parse takes thousands separators as Excel users type them") {
  CHECK(D("1,022.04") == D("1022.04"));
  CHECK(D("1,234,567") == Decimal(1234567));
  CHECK(D("-1,000.5") == Frac(-2001, 2));
  CHECK(D("999,999.999") == D("999999.999"));
  // A comma after the decimal point, or before any digit, is not a separator;
  // nor is one that does not mark off groups of three ("1,2" is not 12).
  for (const char* bad : {"1.2,3", ",123", "1,2", "12,34", "1,", "1,,000", "1234,567", "1,0000",
                          "1,00.5", "1,000,00", "-,100"}) {
    CAPTURE(bad);
    CHECK_FALSE(Decimal::Parse(bad).has_value());
  }
}

TEST_CASE("Decimal::Parse divides by 100 for a percent sign, ASCII or full-width") {
  CHECK(D("90.56%") == Frac(9056, 10000));
  CHECK(D("100%") == Decimal(1));
  CHECK(D("95%") == Frac(19, 20));
  CHECK(D("78.43％") == D("0.7843"));
  CHECK(D("-5%") == Frac(-1, 20));
  CHECK(D(" 12.5% ") == Frac(1, 8));
}

TEST_CASE("Decimal::Parse rejects everything that is not decimal text") {
  for (const char* bad : {"", " ", "abc", "1e3", "1E3", "1.5e-2", "12abc", "abc12", "1.2.3", "-",
                          "+", ".", "%", "％", "--1", "1 2", "0x10", "inf", "nan", "1%%", "%5",
                          "１２"}) {
    CAPTURE(bad);
    CHECK_FALSE(Decimal::Parse(bad).has_value());
  }
}

TEST_CASE("Decimal arithmetic is exact") {
  CHECK(D("0.1") + D("0.2") == D("0.3"));
  CHECK(D("0.3") - D("0.1") == D("0.2"));
  CHECK(D("1.1") * D("1.1") == D("1.21"));
  CHECK(Decimal(1) / Decimal(3) * Decimal(3) == Decimal(1));
  CHECK(-D("2.5") == D("-2.5"));
  Decimal acc;
  for (int i = 0; i < 10; ++i) acc += D("0.1");
  CHECK(acc == Decimal(1));
  acc -= D("0.4");
  CHECK(acc == D("0.6"));
  // 925.59 / 1022.04 is held exactly and only rounded when asked.
  Decimal rate = D("925.59") / D("1022.04");
  CHECK(rate * D("1022.04") == D("925.59"));
  CHECK(rate.Round(4) == D("0.9056"));
  CHECK(rate != D("0.9056"));
}

TEST_CASE("Decimal comparisons, predicates, Min and Max") {
  CHECK(D("0.95") == D("95%"));
  CHECK(D("0.9499") < D("95%"));
  CHECK(D("0.9499") <= D("95%"));
  CHECK(D("95%") <= D("95%"));
  CHECK(D("1") > D("0.9999"));
  CHECK(D("1") >= D("100%"));
  CHECK(D("1") != D("1.0001"));
  CHECK(Decimal().IsZero());
  CHECK(D("0.00").IsZero());
  CHECK_FALSE(D("0.001").IsZero());
  CHECK(D("3.00").IsInteger());
  CHECK_FALSE(D("3.5").IsInteger());
  CHECK(D("-2").Sign() == -1);
  CHECK(D("0").Sign() == 0);
  CHECK(D("2").Sign() == 1);
  CHECK(D("-2.5").Abs() == D("2.5"));
  CHECK(D("2.5").Abs() == D("2.5"));
  CHECK(jixiao::Min(D("2"), D("3")) == D("2"));
  CHECK(jixiao::Max(D("2"), D("3")) == D("3"));
  CHECK(jixiao::Min(D("-2"), D("-3")) == D("-3"));
}

TEST_CASE("Decimal::Round is half-up (四舍五入), away from zero for negatives") {
  // The DESIGN.md examples; each is where a binary double goes wrong.
  CHECK(D("92.035").Round(2) == D("92.04"));
  CHECK(D("2.675").Round(2) == D("2.68"));
  CHECK(D("1.005").Round(2) == D("1.01"));
  CHECK(D("0.92035").Round(4) == D("0.9204"));
  CHECK(D("4.7058").Round(2) == D("4.71"));
  CHECK(D("2.6997").Round(2) == D("2.70"));
  // Half exactly, below half, above half.
  CHECK(D("0.5").Round(0) == Decimal(1));
  CHECK(D("1.5").Round(0) == Decimal(2));
  CHECK(D("2.5").Round(0) == Decimal(3));  // not banker's rounding
  CHECK(D("2.4999").Round(0) == Decimal(2));
  CHECK(D("2.345").Round(2) == D("2.35"));
  CHECK(D("2.3449999").Round(2) == D("2.34"));
  // Negatives round away from zero at the half.
  CHECK(D("-2.675").Round(2) == D("-2.68"));
  CHECK(D("-0.5").Round(0) == Decimal(-1));
  CHECK(D("-2.5").Round(0) == Decimal(-3));
  CHECK(D("-2.4").Round(0) == Decimal(-2));
  CHECK(D("-1.005").Round(2) == D("-1.01"));
  // Values already at the precision are unchanged; rounding a third.
  CHECK(D("3.14").Round(2) == D("3.14"));
  CHECK((Decimal(2) / Decimal(3)).Round(2) == D("0.67"));
  CHECK((Decimal(-2) / Decimal(3)).Round(2) == D("-0.67"));
  CHECK(D("1234.5").Round(0) == Decimal(1235));
}

TEST_CASE("Decimal::Ceil and Floor") {
  CHECK(D("0.888").Ceil() == Decimal(1));
  CHECK(D("2").Ceil() == Decimal(2));
  CHECK(D("2.0001").Ceil() == Decimal(3));
  CHECK(D("-2.5").Ceil() == Decimal(-2));
  CHECK(D("2.9").Floor() == Decimal(2));
  CHECK(D("-2.1").Floor() == Decimal(-3));
  CHECK(D("-2").Floor() == Decimal(-2));
}

TEST_CASE("Decimal::ToFixed pads and rounds") {
  CHECK(Decimal(3).ToFixed(2) == "3.00");
  CHECK(D("2.675").ToFixed(2) == "2.68");
  CHECK(D("1.005").ToFixed(2) == "1.01");
  CHECK(D("0.05").ToFixed(2) == "0.05");
  CHECK(D("0.005").ToFixed(2) == "0.01");
  CHECK(D("0.004").ToFixed(2) == "0.00");
  CHECK(D("-0.004").ToFixed(2) == "0.00");
  CHECK(D("-2.675").ToFixed(2) == "-2.68");
  CHECK(D("-0.5").ToFixed(0) == "-1");
  CHECK(D("1022.04").ToFixed(0) == "1022");
  CHECK(D("1022.5").ToFixed(0) == "1023");
  CHECK(D("12.3").ToFixed(4) == "12.3000");
  CHECK((Decimal(1) / Decimal(3)).ToFixed(3) == "0.333");
}

TEST_CASE("Decimal::ToShort drops trailing zeros, as the seeds print scores") {
  CHECK(Decimal(3).ToShort() == "3");
  CHECK(D("4.7058").ToShort() == "4.71");
  CHECK(D("25.70").ToShort() == "25.7");
  CHECK(D("2.6997").ToShort() == "2.7");
  CHECK(D("0.004").ToShort() == "0");
  CHECK(D("-0.004").ToShort() == "0");
  CHECK(D("-3.50").ToShort() == "-3.5");
  CHECK(D("100").ToShort() == "100");  // zeros before the point stay
  CHECK(D("1.23456").ToShort(3) == "1.235");
  CHECK(D("0.5").ToShort(0) == "1");
  CHECK(D("10").ToShort(0) == "10");
}

TEST_CASE("Decimal::ToPercent prints a rate with 2 decimals of a percent") {
  CHECK(D("0.9056").ToPercent() == "90.56%");
  CHECK((D("925.59") / D("1022.04")).ToPercent() == "90.56%");
  CHECK(Decimal(1).ToPercent() == "100.00%");
  CHECK(Decimal(0).ToPercent() == "0.00%");
  CHECK(D("0.92035").ToPercent() == "92.04%");
  CHECK(D("0.95").ToPercent(0) == "95%");
  CHECK((Decimal(80) / Decimal(102)).ToPercent() == "78.43%");
  CHECK(D("-0.05").ToPercent() == "-5.00%");
}

TEST_CASE("Decimal::ToPercentShort prints a threshold without trailing zeros") {
  CHECK(D("0.95").ToPercentShort() == "95%");
  CHECK(D("0.625").ToPercentShort() == "62.5%");
  CHECK(Decimal(1).ToPercentShort() == "100%");
  CHECK(D("0.9056").ToPercentShort() == "90.56%");
  CHECK(D("0.920350").ToPercentShort() == "92.04%");
  CHECK(Decimal(0).ToPercentShort() == "0%");
}

TEST_CASE("Decimal::ToExactString keeps up to 12 places") {
  CHECK(D("1022.04").ToExactString() == "1022.04");
  CHECK(D("0.9056").ToExactString() == "0.9056");
  CHECK(Decimal(6).ToExactString() == "6");
  CHECK((Decimal(1) / Decimal(3)).ToExactString() == "0.333333333333");
  CHECK((Decimal(2) / Decimal(3)).ToExactString() == "0.666666666667");
}

TEST_CASE("002 satisfaction: the mean of four rates is 92.04%, where a double gives 92.03%") {
  Decimal sum = D("94.52%") + D("92.17%") + D("90.11%") + D("91.34%");
  Decimal mean = sum / Decimal(4);
  CHECK(mean == D("92.035%"));
  CHECK(mean.ToPercent(2) == "92.04%");
  CHECK(mean.Round(4) == D("0.9204"));
  // The same mean in binary floating point lands just below the half and
  // prints as 92.03.
  double dsum = 0.9452 + 0.9217 + 0.9011 + 0.9134;
  double dmean = dsum / 4 * 100;
  char printed[32];
  std::snprintf(printed, sizeof printed, "%.2f", dmean);
  CHECK(std::string(printed) == "92.03");
  // 知晓率 80/102 → 78.43% → × 6 = 4.7058 → 4.71.
  Decimal rate = (Decimal(80) / Decimal(102)).Round(4);
  CHECK(rate == D("78.43%"));
  CHECK((rate * Decimal(6)).Round(2) == D("4.71"));
}

// Rounding has a word-sized fast path and a GMP path (decimal.cpp); both
// must agree with the definition of 四舍五入 on either side of the word
// boundary: r/10^p is the printed value iff r − ½ ≤ |q|·10^p < r + ½.
TEST_CASE("Decimal::Round and ToFixed are half-up on both sides of the 64-bit boundary") {
  unsigned long long seed = 20261202;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return seed >> 11;
  };
  const mpz_class two64 = mpz_class(1) << 64;
  for (int i = 0; i < 4000; ++i) {
    mpz_class num = mpz_class(static_cast<unsigned long>(next()));
    mpz_class den = mpz_class(static_cast<unsigned long>(next() % 100000 + 1));
    if (i % 4 == 1) num *= two64;  // numerator past one word
    if (i % 4 == 2) den += two64;  // denominator past one word
    if (i % 4 == 3) num = (den * (2 * num + 1)) / 2;  // many exact halves once scaled
    if (i % 2) num = -num;
    const int places = static_cast<int>(next() % 21);  // 19 and 20 take the GMP path
    Decimal q{mpq_class(num, den)};
    Decimal r = q.Round(places);
    mpq_class scale(1);
    for (int k = 0; k < places; ++k) scale *= 10;
    mpq_class scaled_r = r.Raw() * scale;
    CHECK(scaled_r.get_den() == 1);
    mpq_class scaled_q = abs(q.Raw()) * scale;
    mpq_class mag = abs(scaled_r);
    CHECK(mag - mpq_class(1, 2) <= scaled_q);
    CHECK(scaled_q < mag + mpq_class(1, 2));
    if (!r.IsZero()) CHECK(r.Sign() == q.Sign());
    // The printed text is the rounded value itself.
    auto back = Decimal::Parse(q.ToFixed(places));
    REQUIRE(back.has_value());
    CHECK(*back == r);
    // A percent is the value × 100 at the same places, without the product.
    const int pp = places % 5;
    CHECK(q.ToPercent(pp) == (q * Decimal(100)).ToFixed(pp) + "%");
    CHECK(q.ToPercentShort(pp) == (q * Decimal(100)).ToShort(pp) + "%");
  }
  CHECK(D("-0.004").ToFixed(2) == "0.00");  // rounds to zero: no sign
  CHECK(D("-0.005").ToFixed(2) == "-0.01");
}

TEST_CASE("Decimal: the word-sized form and GMP agree on every operation, on both sides of its bound") {
  unsigned long long seed = 20261203;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return seed >> 1;
  };
  const mpz_class bound = mpz_class(1) << 62;  // the word-sized form holds parts up to 2^62
  // A random rational: small parts, parts near the bound, or parts past it.
  auto value = [&] {
    mpz_class num, den;
    switch (next() % 5) {
      case 0: num = static_cast<long>(next() % 2000) - 1000; den = static_cast<long>(next() % 1000 + 1); break;
      case 1: num = static_cast<long>(next() % 100000000); den = 100; break;  // amounts with cents
      case 2: num = bound - static_cast<long>(next() % 3); den = static_cast<long>(next() % 7 + 1); break;
      case 3: num = static_cast<long>(next() % 1000 + 1); den = bound + static_cast<long>(next() % 3) - 1; break;
      default: num = bound * static_cast<long>(next() % 1000 + 2); den = static_cast<long>(next() % 999 + 1); break;
    }
    if (next() % 2) num = -num;
    return mpq_class(num, den);
  };
  auto canonical = [](const Decimal& d) {
    mpq_class r = d.Raw();
    mpq_class c = r;
    c.canonicalize();
    return r == c && sgn(r.get_den()) > 0;
  };
  for (int i = 0; i < 20000; ++i) {
    mpq_class qa = value(), qb = value();
    qa.canonicalize();
    qb.canonicalize();
    const Decimal a(qa), b(qb);
    REQUIRE(a.Raw() == qa);
    CHECK((a + b).Raw() == qa + qb);
    CHECK((a - b).Raw() == qa - qb);
    CHECK((a * b).Raw() == qa * qb);
    if (sgn(qb) != 0) CHECK((a / b).Raw() == qa / qb);
    CHECK((-a).Raw() == -qa);
    CHECK(canonical(a + b));
    CHECK(canonical(a - b));
    CHECK(canonical(a * b));
    if (sgn(qb) != 0) CHECK(canonical(a / b));
    CHECK((a < b) == (qa < qb));
    CHECK((a == b) == (qa == qb));
    CHECK(a.Sign() == sgn(qa));
    CHECK(a.IsInteger() == (qa.get_den() == 1));
    mpz_class ceil, floor;
    mpz_cdiv_q(ceil.get_mpz_t(), qa.get_num_mpz_t(), qa.get_den_mpz_t());
    mpz_fdiv_q(floor.get_mpz_t(), qa.get_num_mpz_t(), qa.get_den_mpz_t());
    CHECK(a.Ceil().Raw() == mpq_class(ceil));
    CHECK(a.Floor().Raw() == mpq_class(floor));
    // Rounding, worked out here with GMP alone: floor((2|q|·10^p + 1) / 2), signed.
    const int places = static_cast<int>(next() % 20);
    mpz_class p10;
    mpz_ui_pow_ui(p10.get_mpz_t(), 10, static_cast<unsigned long>(places));
    mpz_class scaled, twice = abs(qa.get_num()) * p10 * 2 + qa.get_den(), den2 = qa.get_den() * 2;
    mpz_fdiv_q(scaled.get_mpz_t(), twice.get_mpz_t(), den2.get_mpz_t());
    if (sgn(qa) < 0) scaled = -scaled;
    mpq_class rounded(scaled, p10);
    rounded.canonicalize();
    CHECK(a.Round(places).Raw() == rounded);
    CHECK(canonical(a.Round(places)));
    auto printed = Decimal::Parse(a.ToFixed(places));
    REQUIRE(printed.has_value());
    CHECK(printed->Raw() == rounded);
    CHECK(canonical(*printed));
  }
  // Sums that leave the word-sized form and come back.
  Decimal big(mpq_class(bound, 1));
  Decimal back = big + Decimal(1) - Decimal(1) - big;
  CHECK(back.IsZero());
  CHECK((big * Decimal(4) / Decimal(4)).Raw() == mpq_class(bound));
}
