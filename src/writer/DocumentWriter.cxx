#include "DocumentWriter.hxx"

#include "DocumentStructure.hpp"
#include "Errors.hpp"
#include "OdtFragment.hpp"
#include "Strings.hpp"
#include "UnoString.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/awt/FontSlant.hpp>
#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/style/XStyle.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XDocumentInsertable.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/io/SequenceInputStream.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextSection.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/util/XRefreshable.hpp>

using namespace css;

namespace aa::writer
{
namespace
{
[[noreturn]] void refuse(const char* key)
{
    throw aa::InputError(aa::Strings::builtIn().get(key));
}

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
        refuse("error.notInBody");
    return xBody->createTextCursorByRange(xView->getEnd());
}

void checkNotProtected(const uno::Reference<text::XTextCursor>& xCursor)
{
    uno::Reference<beans::XPropertySet> xProps(xCursor, uno::UNO_QUERY_THROW);
    uno::Reference<text::XTextSection> xSection(xProps->getPropertyValue("TextSection"),
                                                uno::UNO_QUERY);
    for (; xSection.is(); xSection = xSection->getParentSection())
    {
        bool bProtected = false;
        uno::Reference<beans::XPropertySet>(xSection, uno::UNO_QUERY_THROW)
                ->getPropertyValue("IsProtected")
            >>= bProtected;
        if (bProtected)
            refuse("error.protected");
    }
}

uno::Sequence<sal_Int8> toBytes(const std::string& data)
{
    return uno::Sequence<sal_Int8>(reinterpret_cast<const sal_Int8*>(data.data()),
                                   static_cast<sal_Int32>(data.size()));
}

/// Splits the paragraph at the cursor so that the package is inserted into an empty paragraph
/// of its own: Writer then merges nothing into the practitioner's paragraphs, and the
/// practitioner's paragraph that follows keeps the analysis from being the document's end.
void makeEmptyParagraph(const uno::Reference<text::XTextCursor>& xCursor)
{
    const uno::Reference<text::XText> xText = xCursor->getText();
    const uno::Reference<text::XTextRange> xRange(xCursor, uno::UNO_QUERY_THROW);
    uno::Reference<text::XParagraphCursor> xPara(xCursor, uno::UNO_QUERY_THROW);
    if (!xPara->isStartOfParagraph())
        xText->insertControlCharacter(xRange, text::ControlCharacter::PARAGRAPH_BREAK, false);
    xText->insertControlCharacter(xRange, text::ControlCharacter::PARAGRAPH_BREAK, false);
    xCursor->goLeft(1, false);
}

/// Creates the analysis paragraph styles the document lacks; styles that exist, perhaps
/// restyled by the organisation, are left as they are.
void ensureStyles(const uno::Reference<text::XTextDocument>& xDoc)
{
    uno::Reference<style::XStyleFamiliesSupplier> xFamilies(xDoc, uno::UNO_QUERY_THROW);
    uno::Reference<container::XNameContainer> xStyles(
        xFamilies->getStyleFamilies()->getByName("ParagraphStyles"), uno::UNO_QUERY_THROW);
    uno::Reference<lang::XMultiServiceFactory> xFactory(xDoc, uno::UNO_QUERY_THROW);
    const std::vector<aa::StyleSpec> specs = aa::styleSpecs();
    std::vector<std::pair<const aa::StyleSpec*, uno::Reference<style::XStyle>>> created;
    for (const aa::StyleSpec& spec : specs)
    {
        const OUString aName = aa::glue::fromUtf8(spec.name);
        if (xStyles->hasByName(aName))
            continue;
        uno::Reference<style::XStyle> xStyle(
            xFactory->createInstance("com.sun.star.style.ParagraphStyle"), uno::UNO_QUERY_THROW);
        xStyles->insertByName(aName, uno::Any(xStyle));
        created.emplace_back(&spec, xStyle);
    }
    // Properties are set once all styles exist, so that follow-on styles resolve.
    for (const auto& [pSpec, xStyle] : created)
    {
        const OUString aParent = aa::glue::fromUtf8(pSpec->parent);
        if (xStyles->hasByName(aParent))
            xStyle->setParentStyle(aParent);
        uno::Reference<beans::XPropertySet> xProps(xStyle, uno::UNO_QUERY_THROW);
        xProps->setPropertyValue(
            "FollowStyle",
            uno::Any(aa::glue::fromUtf8(pSpec->next.empty() ? pSpec->name : pSpec->next)));
        if (pSpec->bold)
            xProps->setPropertyValue("CharWeight", uno::Any(awt::FontWeight::BOLD));
        if (pSpec->italic)
            xProps->setPropertyValue("CharPosture", uno::Any(awt::FontSlant_ITALIC));
        if (pSpec->fontSizePt > 0)
            xProps->setPropertyValue("CharHeight", uno::Any(static_cast<float>(pSpec->fontSizePt)));
        if (pSpec->keepWithNext)
            xProps->setPropertyValue("ParaKeepTogether", uno::Any(true));
        if (pSpec->spaceAboveMm100 >= 0)
            xProps->setPropertyValue("ParaTopMargin", uno::Any(static_cast<sal_Int32>(pSpec->spaceAboveMm100)));
    }
}

void refreshFields(const uno::Reference<text::XTextDocument>& xDoc)
{
    uno::Reference<text::XTextFieldsSupplier> xFields(xDoc, uno::UNO_QUERY);
    if (!xFields.is())
        return;
    uno::Reference<util::XRefreshable> xRefresh(xFields->getTextFields(), uno::UNO_QUERY);
    if (xRefresh.is())
        xRefresh->refresh();
}
} // namespace

void insertAnalysis(const uno::Reference<uno::XComponentContext>& xContext,
                    const uno::Reference<text::XTextDocument>& xDoc, const aa::Analysis& analysis)
{
    uno::Reference<frame::XStorable> xStorable(xDoc, uno::UNO_QUERY);
    if (xStorable.is() && xStorable->isReadonly())
        refuse("error.readOnly");
    if (hasAnalysisBookmark(xDoc))
        refuse("error.alreadyInserted");
    auto xCursor = insertionCursor(xDoc);
    checkNotProtected(xCursor);

    // Everything that can fail on our side happens before the document is touched.
    const std::string package = aa::buildOdtFragment(analysis);
    auto xStream = io::SequenceInputStream::createStreamFromSequence(xContext, toBytes(package));
    uno::Sequence<beans::PropertyValue> aProps(2);
    aProps[0].Name = "InputStream";
    aProps[0].Value <<= uno::Reference<io::XInputStream>(xStream, uno::UNO_QUERY_THROW);
    aProps[1].Name = "FilterName";
    aProps[1].Value <<= OUString("writer8");

    auto xUndo = uno::Reference<document::XUndoManagerSupplier>(xDoc, uno::UNO_QUERY_THROW)
                     ->getUndoManager();
    xUndo->enterUndoContext(aa::glue::fromUtf8(aa::Strings::builtIn().get("undo.insert")));
    try
    {
        ensureStyles(xDoc);
        makeEmptyParagraph(xCursor);
        uno::Reference<document::XDocumentInsertable>(xCursor, uno::UNO_QUERY_THROW)
            ->insertDocumentFromURL(OUString(), aProps);
        if (!hasAnalysisBookmark(xDoc))
            throw uno::RuntimeException("insertAnalysis: Writer did not insert the analysis");
    }
    catch (...)
    {
        xUndo->leaveUndoContext();
        xUndo->undo();
        throw;
    }
    xUndo->leaveUndoContext();
    refreshFields(xDoc);
}

} // namespace aa::writer
