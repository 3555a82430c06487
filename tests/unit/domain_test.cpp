#include <gtest/gtest.h>

#include "domain/bsn.h"
#include "domain/date.h"
#include "domain/status.h"

using jr::Date;

TEST(Date, ParsesAndFormatsIsoDates) {
  auto d = Date::parse("2024-02-29");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->iso(), "2024-02-29");
  EXPECT_EQ(d->year(), 2024);
  EXPECT_EQ(d->month(), 2u);
  EXPECT_EQ(d->day(), 29u);
}

TEST(Date, RejectsNonExistingAndMalformedDates) {
  EXPECT_FALSE(Date::parse("2027-06-31"));  // the published JW315 example uses this day
  EXPECT_FALSE(Date::parse("2023-02-29"));
  EXPECT_FALSE(Date::parse("2024-2-01"));
  EXPECT_FALSE(Date::parse("2024-02-01Z"));
  EXPECT_FALSE(Date::parse(""));
}

TEST(Date, MonthBoundariesAndLeapYears) {
  EXPECT_EQ(Date(2024, 2, 10).last_of_month().iso(), "2024-02-29");
  EXPECT_EQ(Date(2023, 2, 10).last_of_month().iso(), "2023-02-28");
  EXPECT_EQ(Date(2024, 12, 31).first_of_month().iso(), "2024-12-01");
  EXPECT_EQ(Date(2024, 12, 31).add_days(1).iso(), "2025-01-01");
  EXPECT_EQ(jr::days_between(Date(2024, 1, 1), Date(2025, 1, 1)), 366);
}

TEST(Date, AgeTurnsOnTheBirthday) {
  Date geboren(2006, 7, 15);
  EXPECT_EQ(Date(2024, 7, 14).age_of(geboren), 17);
  EXPECT_EQ(Date(2024, 7, 15).age_of(geboren), 18);
}

TEST(Bsn, ElfproefAcceptsValidNumbers) {
  EXPECT_TRUE(jr::bsn_elfproef("123456782"));  // worked example of the standard
  EXPECT_TRUE(jr::bsn_elfproef("999900006"));
  EXPECT_TRUE(jr::bsn_elfproef("999900018"));
}

TEST(Bsn, ElfproefRejectsWrongChecksumAndShape) {
  EXPECT_FALSE(jr::bsn_elfproef("123456781"));
  EXPECT_FALSE(jr::bsn_elfproef("12345678"));
  EXPECT_FALSE(jr::bsn_elfproef("12345678a"));
}

TEST(Bsn, TestRangeIs9999AndElfproef) {
  EXPECT_TRUE(jr::bsn_is_test("999900006"));
  EXPECT_FALSE(jr::bsn_is_test("123456782"));
  EXPECT_FALSE(jr::bsn_is_test("999900007"));
}

TEST(Status, CarriesCodeAndMessage) {
  jr::Status s = jr::NotFound("toewijzing 12 bestaat niet");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.to_string(), "not_found: toewijzing 12 bestaat niet");
  jr::Result<int> r = 5;
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(*r, 5);
  jr::Result<int> e = jr::InvalidArgument("x");
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), jr::StatusCode::kInvalidArgument);
}
