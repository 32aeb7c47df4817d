// A minimal ZIP writer (stored entries only), enough for an ODF package.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace aa
{

/// CRC-32 (IEEE 802.3) of data, as ZIP and PNG use it.
std::uint32_t crc32(const std::string& data);

/// A ZIP archive holding the entries uncompressed, in the order given (ODF wants "mimetype"
/// first and uncompressed). Entries are (name, contents); sizes must stay below 4 GiB.
std::string storedZip(const std::vector<std::pair<std::string, std::string>>& entries);

} // namespace aa
