#include "DocumentWriter.hxx"

#include "DocumentGuard.hxx"
#include "Errors.hpp"
#include "FaultInjection.hxx"
#include "OdtFragment.hpp"
#include "Strings.hpp"
#include "UnoString.hxx"

#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>

using namespace css;

namespace aa::writer
{
namespace
{
bool hasAnalysisBookmark(const uno::Reference<text::XTextDocument>& xDoc)
{
    uno::Reference<text::XBookmarksSupplier> xSupplier(xDoc, uno::UNO_QUERY);
    if (!xSupplier.is())
        return false;
    const uno::Sequence<OUString> aNames = xSupplier->getBookmarks()->getElementNames();
    for (const OUString& rName : aNames)
        if (aa::issueIdFromBookmark(aa::glue::toUtf8(rName)))
            return true;
    return false;
}

/// A text cursor where the analysis goes: the end of the view cursor's selection, so a
/// selection is never replaced; the end of the text without a view.
uno::Reference<text::XTextCursor> insertionCursor(const uno::Reference<text::XTextDocument>& xDoc)
{
    const uno::Reference<text::XText> xBody = xDoc->getText();
    uno::Reference<frame::XModel> xModel(xDoc, uno::UNO_QUERY);
    uno::Reference<text::XTextViewCursorSupplier> xSupplier(
        xModel.is() ? xModel->getCurrentController() : nullptr, uno::UNO_QUERY);
    if (!xSupplier.is())
    {
        auto xCursor = xBody->createTextCursor();
        xCursor->gotoEnd(false);
        return xCursor;
    }
    auto xView = xSupplier->getViewCursor();
    if (!xView.is() || xView->getText() != xBody)
        throw aa::InputError(aa::Strings::builtIn().get("error.notInBody"));
    return xBody->createTextCursorByRange(xView->getEnd());
}
} // namespace

void insertAnalysis(const uno::Reference<uno::XComponentContext>& xContext,
                    const uno::Reference<text::XTextDocument>& xDoc, const aa::Analysis& analysis)
{
    checkWritable(xDoc);
    if (hasAnalysisBookmark(xDoc))
        throw aa::InputError(aa::Strings::builtIn().get("error.alreadyInserted"));
    auto xCursor = insertionCursor(xDoc);
    checkNotProtected(uno::Reference<text::XTextRange>(xCursor, uno::UNO_QUERY_THROW));

    // Everything that can fail on our side happens before the document is touched.
    const std::string package = aa::buildOdtFragment(analysis);
    asOneUndoStep(xDoc, "undo.insert", [&] {
        ensureStyles(xDoc);
        insertPackage(xContext, xCursor, package);
        faultPoint("writer");
        if (!hasAnalysisBookmark(xDoc))
            throw uno::RuntimeException("insertAnalysis: Writer did not insert the analysis");
    });
    refreshFields(xDoc);
}

} // namespace aa::writer
