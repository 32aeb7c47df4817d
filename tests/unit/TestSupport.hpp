// Helpers shared by the core unit tests: file reading, a small ZIP reader, JSON text building.
#pragma once

#include "Analysis.hpp"

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace aa::test
{

/// The whole file as bytes; throws when it cannot be read.
inline std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline std::uint32_t le16(const std::string& s, std::size_t at)
{
    if (at + 2 > s.size())
        throw std::runtime_error("read past the end at " + std::to_string(at));
    return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at]))
           | static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8;
}

inline std::uint32_t le32(const std::string& s, std::size_t at)
{
    return le16(s, at) | le16(s, at + 2) << 16;
}

struct ZipEntry
{
    std::string name;
    std::uint32_t method = 0;
    std::uint32_t crc = 0;
    std::uint32_t compressedSize = 0;
    std::uint32_t size = 0;
    std::uint32_t localOffset = 0;
    std::string data; ///< the stored bytes
};

/// Reads a ZIP archive through its end record and central directory, checking that every local
/// header agrees with its central directory entry. Throws std::runtime_error on any inconsistency.
inline std::vector<ZipEntry> readZip(const std::string& zip)
{
    constexpr std::size_t endSize = 22;
    if (zip.size() < endSize)
        throw std::runtime_error("too short for an end record");
    const std::size_t end = zip.size() - endSize; // no archive comment
    if (le32(zip, end) != 0x06054b50u)
        throw std::runtime_error("no end of central directory record");
    const std::uint32_t count = le16(zip, end + 10);
    if (le16(zip, end + 8) != count)
        throw std::runtime_error("entry counts disagree");
    const std::uint32_t centralSize = le32(zip, end + 12);
    const std::uint32_t centralOffset = le32(zip, end + 16);
    if (std::size_t{ centralOffset } + centralSize != end)
        throw std::runtime_error("central directory does not end at the end record");
    if (le16(zip, end + 20) != 0)
        throw std::runtime_error("unexpected archive comment");

    std::vector<ZipEntry> entries;
    std::size_t at = centralOffset;
    for (std::uint32_t i = 0; i < count; ++i)
    {
        if (le32(zip, at) != 0x02014b50u)
            throw std::runtime_error("bad central header signature");
        ZipEntry e;
        e.method = le16(zip, at + 10);
        e.crc = le32(zip, at + 16);
        e.compressedSize = le32(zip, at + 20);
        e.size = le32(zip, at + 24);
        const std::uint32_t nameLength = le16(zip, at + 28);
        const std::uint32_t extraLength = le16(zip, at + 30);
        const std::uint32_t commentLength = le16(zip, at + 32);
        e.localOffset = le32(zip, at + 42);
        e.name = zip.substr(at + 46, nameLength);
        at += 46 + nameLength + extraLength + commentLength;

        const std::size_t local = e.localOffset;
        if (le32(zip, local) != 0x04034b50u)
            throw std::runtime_error("bad local header signature for " + e.name);
        if (le16(zip, local + 8) != e.method || le32(zip, local + 14) != e.crc
            || le32(zip, local + 18) != e.compressedSize || le32(zip, local + 22) != e.size)
            throw std::runtime_error("local header disagrees with central entry for " + e.name);
        const std::uint32_t localNameLength = le16(zip, local + 26);
        const std::uint32_t localExtraLength = le16(zip, local + 28);
        if (zip.substr(local + 30, localNameLength) != e.name)
            throw std::runtime_error("local name disagrees for " + e.name);
        const std::size_t dataAt = local + 30 + localNameLength + localExtraLength;
        if (dataAt + e.compressedSize > centralOffset)
            throw std::runtime_error("data runs into the central directory for " + e.name);
        e.data = zip.substr(dataAt, e.compressedSize);
        entries.push_back(std::move(e));
    }
    if (at != end)
        throw std::runtime_error("central directory size does not match its entries");
    return entries;
}

/// A JSON string literal for text: escapes quote, backslash and C0 controls, leaves the rest raw.
inline std::string jsonQuote(const std::string& text)
{
    static const char digits[] = "0123456789abcdef";
    std::string out = "\"";
    for (char c : text)
    {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\')
        {
            out += '\\';
            out += c;
        }
        else if (byte < 0x20)
        {
            out += "\\u00";
            out += digits[byte >> 4];
            out += digits[byte & 0xF];
        }
        else
            out += c;
    }
    return out + "\"";
}

/// count copies of piece.
inline std::string repeat(const std::string& piece, std::size_t count)
{
    std::string out;
    out.reserve(piece.size() * count);
    for (std::size_t i = 0; i < count; ++i)
        out += piece;
    return out;
}

/// An item, without naming every field (the model grows).
inline Item makeItem(const std::string& text, const std::vector<std::string>& issues = {},
                     const std::string& id = {})
{
    Item item;
    item.text = text;
    item.issues = issues;
    item.id = id;
    return item;
}

} // namespace aa::test
