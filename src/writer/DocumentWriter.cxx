#include "DocumentWriter.hxx"

#include "DocumentGuard.hxx"
#include "Errors.hpp"
#include "FaultInjection.hxx"
#include "OdtFragment.hpp"
#include "Strings.hpp"
#include "UnoString.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
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
/// When the cursor's paragraph holds nothing but prompts (placeholder fields, as in the report
/// template's analysis place), the prompts go: the analysis takes the prompt's place. Returns
/// the cursor to insert at.
uno::Reference<text::XTextCursor> clearPrompt(const uno::Reference<text::XTextCursor>& xCursor)
{
    const uno::Reference<text::XText> xText = xCursor->getText();
    auto xPara = xText->createTextCursorByRange(xCursor->getStart());
    uno::Reference<text::XParagraphCursor> xParaCursor(xPara, uno::UNO_QUERY_THROW);
    xParaCursor->gotoStartOfParagraph(false);
    xParaCursor->gotoEndOfParagraph(true);
    uno::Reference<container::XEnumerationAccess> xParas(xPara, uno::UNO_QUERY);
    if (!xParas.is())
        return xCursor;
    auto xParaEnum = xParas->createEnumeration();
    if (!xParaEnum->hasMoreElements())
        return xCursor;
    uno::Reference<container::XEnumerationAccess> xPortions(xParaEnum->nextElement(), uno::UNO_QUERY);
    if (!xPortions.is())
        return xCursor;
    bool prompt = false;
    auto xEnum = xPortions->createEnumeration();
    while (xEnum->hasMoreElements())
    {
        uno::Reference<beans::XPropertySet> xPortion(xEnum->nextElement(), uno::UNO_QUERY_THROW);
        OUString aType;
        xPortion->getPropertyValue("TextPortionType") >>= aType;
        if (aType == "TextField")
        {
            uno::Reference<lang::XServiceInfo> xField(xPortion->getPropertyValue("TextField"), uno::UNO_QUERY);
            if (xField.is() && xField->supportsService("com.sun.star.text.TextField.JumpEdit"))
            {
                prompt = true;
                continue;
            }
            return xCursor;
        }
        if (aType == "Text")
        {
            if (!uno::Reference<text::XTextRange>(xPortion, uno::UNO_QUERY_THROW)->getString().trim().isEmpty())
                return xCursor;
            continue;
        }
        if (aType != "Bookmark")
            return xCursor;
    }
    if (!prompt)
        return xCursor;
    xPara->setString(OUString());
    return xText->createTextCursorByRange(xPara->getStart());
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
        xCursor = clearPrompt(xCursor);
        insertPackage(xContext, xCursor, package);
        faultPoint("writer");
        if (!hasAnalysisBookmark(xDoc))
            throw uno::RuntimeException("insertAnalysis: Writer did not insert the analysis");
    });
    refreshFields(xDoc);
}

} // namespace aa::writer
