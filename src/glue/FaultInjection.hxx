// Test hooks that throw from inside a layer, to prove that nothing escapes into Writer and that
// a failure half-way leaves the document as it was. Inert unless soffice runs with
// AA_ALLOW_FAULT_INJECTION=1 in its environment (the integration tests set it).
#pragma once

#include <string>

namespace aa::writer
{
/// Arms the fault named by a command's "InjectFault" argument for this thread, until disarmed.
void armFault(const std::string& name);
void disarmFault();

/// Throws the armed fault when its name is point: "core" (aa::InputError), "std"
/// (std::runtime_error), "uno" (RuntimeException), "unknown" (an int), "writer" (a
/// RuntimeException after the document was changed). "crash" (the office aborts) and "hang"
/// (the call never returns) fire at the first fault point: they stand for a Writer that crashes
/// or hangs on a document, for the tools that must survive one (aa-review).
void faultPoint(const char* point);
} // namespace aa::writer
