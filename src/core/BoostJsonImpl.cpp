// Boost.JSON compiled into the core (header-only mode), so the extension has no runtime
// dependency on libboost_json.
#include <boost/json/src.hpp>
