#include "DocumentWriter.hxx"

#include "DocumentGuard.hxx"
#include "Errors.hpp"
#include "FaultInjection.hxx"
#include "OdtFragment.hpp"
#include "ParagraphWriter.hxx"
#include "Strings.hpp"
#include "UnoString.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
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
    uno::Reference<text::XTextViewCursorSupplier> xSupplier(xModel.is() ? xModel->getCurrentController() : nullptr,
                                                            uno::UNO_QUERY);
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
            if (promptField(xField) != PromptField::None)
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
        // A page may happen to start in the paragraph (a soft page break): it holds no text.
        if (aType != "Bookmark" && aType != "SoftPageBreak")
            return xCursor;
    }
    if (!prompt && !xPara->getString().isEmpty())
        return xCursor;
    if (!prompt)
        return xText->createTextCursorByRange(xPara->getStart()); // an empty paragraph: insert at its start
    xPara->setString(OUString());
    return xText->createTextCursorByRange(xPara->getStart());
}

uno::Reference<text::XTextRange> templatePlace(const uno::Reference<text::XTextDocument>& xDoc, aa::TemplatePlace place)
{
    uno::Reference<text::XBookmarksSupplier> xSupplier(xDoc, uno::UNO_QUERY);
    if (!xSupplier.is())
        return nullptr;
    auto xMarks = xSupplier->getBookmarks();
    OUString aName = aa::glue::fromUtf8(aa::templatePlaceBookmark(place));
    if (!xMarks->hasByName(aName) && place == aa::TemplatePlace::Analysis)
        aName = OUString::createFromAscii(aa::legacyAnalysisPlace);
    if (!xMarks->hasByName(aName))
        return nullptr;
    uno::Reference<text::XTextContent> xMark(xMarks->getByName(aName), uno::UNO_QUERY);
    return xMark.is() ? xMark->getAnchor() : nullptr;
}

namespace
{
/// Where each part goes, and what each place gets.
struct Insertion
{
    uno::Reference<text::XTextCursor> cursor;
    aa::FragmentParts parts;
};

std::vector<Insertion> plan(const uno::Reference<text::XTextDocument>& xDoc)
{
    std::vector<Insertion> insertions;
    // The template's own places: the section alone, under the template's heading.
    aa::FragmentParts rest = aa::FragmentParts::all();
    const std::pair<aa::TemplatePlace, aa::Section> own[]
        = { { aa::TemplatePlace::Safety, aa::Section::Safety },
            { aa::TemplatePlace::Recommendation, aa::Section::Recommendation },
            { aa::TemplatePlace::Plan, aa::Section::Plan } };
    for (const auto& [place, section] : own)
        if (auto xPlace = templatePlace(xDoc, place); xPlace.is() && xPlace->getText() == xDoc->getText())
        {
            insertions.push_back({ xPlace->getText()->createTextCursorByRange(xPlace->getStart()),
                                   aa::FragmentParts::only(section, false) });
            rest.set(section, false, false);
        }
    // The rest at the analysis place, or at the cursor. The template of version 0.2 has the
    // analysis's heading above its place; 0.1's did not.
    auto xAnalysis = templatePlace(xDoc, aa::TemplatePlace::Analysis);
    if (xAnalysis.is() && xAnalysis->getText() == xDoc->getText())
    {
        uno::Reference<text::XBookmarksSupplier> xMarks(xDoc, uno::UNO_QUERY_THROW);
        rest.heading = !xMarks->getBookmarks()->hasByName(
            aa::glue::fromUtf8(aa::templatePlaceBookmark(aa::TemplatePlace::Analysis)));
        insertions.push_back({ xAnalysis->getText()->createTextCursorByRange(xAnalysis->getStart()), rest });
    }
    else
        insertions.push_back({ insertionCursor(xDoc), rest });
    return insertions;
}
} // namespace

bool insertAnalysis(const uno::Reference<uno::XComponentContext>& xContext,
                    const uno::Reference<text::XTextDocument>& xDoc, const aa::Analysis& analysis)
{
    checkWritable(xDoc);
    if (hasAnalysisBookmark(xDoc))
        throw aa::InputError(aa::Strings::builtIn().get("error.alreadyInserted"));
    std::vector<Insertion> insertions = plan(xDoc);
    for (const Insertion& insertion : insertions)
        checkNotProtected(uno::Reference<text::XTextRange>(insertion.cursor, uno::UNO_QUERY_THROW));

    // Everything that can fail on our side happens before the document is touched.
    std::vector<std::string> packages;
    for (const Insertion& insertion : insertions)
        packages.push_back(aa::buildOdtFragment(analysis, aa::Strings::builtIn(), insertion.parts));
    asOneUndoStep(xDoc, "undo.insert", [&] {
        ensureStyles(xDoc);
        for (std::size_t i = 0; i < insertions.size(); ++i)
            insertPackage(xContext, clearPrompt(insertions[i].cursor), packages[i]);
        faultPoint("writer");
        if (!hasAnalysisBookmark(xDoc))
            throw uno::RuntimeException("insertAnalysis: Writer did not insert the analysis");
    });
    // No refresh of the fields: each cross-reference comes in showing the title it points to
    // (the fragment holds it). Refreshing would also have Writer count every word of the new
    // text at once (the document statistics), more than half of the time insert took at N = 100;
    // Writer counts them in idle time instead.
    return insertions.size() > 1;
}

} // namespace aa::writer
