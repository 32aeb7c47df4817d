// crc32 and storedZip.
#include "TestSupport.hpp"
#include "Zip.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace
{
using aa::test::le16;
using aa::test::le32;

TEST(Zip, Crc32KnownValues)
{
    EXPECT_EQ(aa::crc32("123456789"), 0xCBF43926u);
    EXPECT_EQ(aa::crc32(""), 0u);
    EXPECT_EQ(aa::crc32("a"), 0xE8B7BE43u);
    EXPECT_EQ(aa::crc32("The quick brown fox jumps over the lazy dog"), 0x414FA339u);
    EXPECT_EQ(aa::crc32(std::string("\x00\xFF\x80", 3)), 0x81DDA740u) << "bytes above 0x7F are unsigned";
    EXPECT_EQ(aa::crc32(std::string("\x00", 1)), 0xD202EF8Du);
}

TEST(Zip, TwoEntriesHaveCorrectHeadersDirectoryAndEndRecord)
{
    const std::string zip = aa::storedZip({ { "a.txt", "hello" }, { "dir/b", "" } });
    // Layout: local 1 (30 + 5 + 5), local 2 (30 + 5 + 0), central 1 (46 + 5), central 2 (46 + 5), end (22).
    ASSERT_EQ(zip.size(), 40u + 35u + 51u + 51u + 22u);

    // Local header 1.
    EXPECT_EQ(le32(zip, 0), 0x04034b50u);
    EXPECT_EQ(le16(zip, 4), 20u);  // version needed
    EXPECT_EQ(le16(zip, 6), 0u);   // flags
    EXPECT_EQ(le16(zip, 8), 0u);   // stored
    EXPECT_EQ(le16(zip, 12), 33u); // date 1980-01-01
    EXPECT_EQ(le32(zip, 14), aa::crc32("hello"));
    EXPECT_EQ(le32(zip, 18), 5u);
    EXPECT_EQ(le32(zip, 22), 5u);
    EXPECT_EQ(le16(zip, 26), 5u);
    EXPECT_EQ(le16(zip, 28), 0u);
    EXPECT_EQ(zip.substr(30, 5), "a.txt");
    EXPECT_EQ(zip.substr(35, 5), "hello");

    // Local header 2 at 40.
    EXPECT_EQ(le32(zip, 40), 0x04034b50u);
    EXPECT_EQ(le16(zip, 48), 0u);
    EXPECT_EQ(le32(zip, 54), 0u); // crc of nothing
    EXPECT_EQ(le32(zip, 58), 0u);
    EXPECT_EQ(le32(zip, 62), 0u);
    EXPECT_EQ(le16(zip, 66), 5u);
    EXPECT_EQ(zip.substr(70, 5), "dir/b");

    // Central directory at 75.
    const std::size_t c1 = 75;
    EXPECT_EQ(le32(zip, c1), 0x02014b50u);
    EXPECT_EQ(le16(zip, c1 + 6), 20u); // version needed
    EXPECT_EQ(le16(zip, c1 + 10), 0u); // stored
    EXPECT_EQ(le32(zip, c1 + 16), aa::crc32("hello"));
    EXPECT_EQ(le32(zip, c1 + 20), 5u);
    EXPECT_EQ(le32(zip, c1 + 24), 5u);
    EXPECT_EQ(le16(zip, c1 + 28), 5u);
    EXPECT_EQ(le16(zip, c1 + 30), 0u);
    EXPECT_EQ(le16(zip, c1 + 32), 0u);
    EXPECT_EQ(le32(zip, c1 + 42), 0u); // local header offset
    EXPECT_EQ(zip.substr(c1 + 46, 5), "a.txt");
    const std::size_t c2 = c1 + 51;
    EXPECT_EQ(le32(zip, c2), 0x02014b50u);
    EXPECT_EQ(le32(zip, c2 + 16), 0u);
    EXPECT_EQ(le32(zip, c2 + 42), 40u);
    EXPECT_EQ(zip.substr(c2 + 46, 5), "dir/b");

    // End record.
    const std::size_t end = c2 + 51;
    EXPECT_EQ(le32(zip, end), 0x06054b50u);
    EXPECT_EQ(le16(zip, end + 4), 0u);
    EXPECT_EQ(le16(zip, end + 6), 0u);
    EXPECT_EQ(le16(zip, end + 8), 2u);
    EXPECT_EQ(le16(zip, end + 10), 2u);
    EXPECT_EQ(le32(zip, end + 12), 102u); // central directory size
    EXPECT_EQ(le32(zip, end + 16), 75u);  // central directory offset
    EXPECT_EQ(le16(zip, end + 20), 0u);   // comment length
}

TEST(Zip, ReadsBackThroughTheCentralDirectory)
{
    std::string binary;
    for (int i = 0; i < 256; ++i)
        binary += static_cast<char>(i);
    const std::vector<std::pair<std::string, std::string>> entries
        = { { "mimetype", "application/vnd.oasis.opendocument.text" },
            { "bin", binary },
            { "empty", "" },
            { "big.txt", std::string(100000, 'z') } };
    const auto read = aa::test::readZip(aa::storedZip(entries));
    ASSERT_EQ(read.size(), entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i)
    {
        SCOPED_TRACE(entries[i].first);
        EXPECT_EQ(read[i].name, entries[i].first);
        EXPECT_EQ(read[i].data, entries[i].second);
        EXPECT_EQ(read[i].method, 0u);
        EXPECT_EQ(read[i].crc, aa::crc32(entries[i].second));
    }
}

TEST(Zip, EmptyArchiveIsJustTheEndRecord)
{
    const std::string zip = aa::storedZip({});
    ASSERT_EQ(zip.size(), 22u);
    EXPECT_EQ(le32(zip, 0), 0x06054b50u);
    EXPECT_EQ(le16(zip, 8), 0u);
    EXPECT_EQ(le16(zip, 10), 0u);
    EXPECT_EQ(le32(zip, 12), 0u);
    EXPECT_EQ(le32(zip, 16), 0u);
}
} // namespace
