// The one exception type the core throws for bad input.
#pragma once

#include <stdexcept>

namespace aa
{
/// Bad input from a caller or a document. what() is a complete sentence for a person to read;
/// it never contains document text.
class InputError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};
} // namespace aa
