#include "AnalysisService.hxx"

#include "DocumentReader.hxx"
#include "DocumentReview.hxx"
#include "DocumentUpdater.hxx"
#include "DocumentWriter.hxx"
#include "Errors.hpp"
#include "FaultInjection.hxx"
#include "Json.hpp"
#include "Log.hxx"
#include "Plan.hpp"
#include "Review.hpp"
#include "Strings.hpp"
#include "UnoString.hxx"
#include "Update.hpp"
#include "Utf8.hpp"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/XDialogProvider2.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weak.hxx>

#include <chrono>
#include <ctime>
#include <map>
#include <mutex>

using namespace css;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace aa::writer
{
namespace
{
constexpr const char* implementationName = "org.assessmentanalysis.Analysis";
constexpr const char* extensionId = "org.assessmentanalysis.extension";
constexpr const char* version = "0.1.0";

const aa::Strings& strings() { return aa::Strings::builtIn(); }

/// The NamedValue arguments by name.
class Arguments
{
public:
    explicit Arguments(const uno::Sequence<beans::NamedValue>& rArgs)
    {
        for (const beans::NamedValue& rArg : rArgs)
            m_aValues[rArg.Name] = rArg.Value;
    }

    OUString string(const OUString& rName) const
    {
        OUString aValue;
        if (!(value(rName) >>= aValue))
            throw aa::InputError(strings().format("error.badArgument", { toUtf8(rName), "a string" }));
        return aValue;
    }

    sal_Int32 integer(const OUString& rName) const
    {
        sal_Int32 nValue = 0;
        if (!(value(rName) >>= nValue))
            throw aa::InputError(strings().format("error.badArgument", { toUtf8(rName), "a number" }));
        return nValue;
    }

    bool has(const OUString& rName) const { return m_aValues.count(rName) != 0; }

    uno::Reference<text::XTextDocument> document() const
    {
        uno::Reference<text::XTextDocument> xDoc(value("Document"), uno::UNO_QUERY);
        if (!xDoc.is())
            throw aa::InputError(strings().get("error.notWriter"));
        return xDoc;
    }

private:
    const uno::Any& value(const OUString& rName) const
    {
        auto it = m_aValues.find(rName);
        if (it == m_aValues.end() || !it->second.hasValue())
            throw aa::InputError(strings().format("error.missingArgument", { toUtf8(rName) }));
        return it->second;
    }

    std::map<OUString, uno::Any> m_aValues;
};

/// The last command's in-process duration, for the "lastTiming" command (the benchmark). Shared
/// by all instances: a macro usually creates a new instance for every call.
struct LastTiming
{
    std::mutex mutex;
    std::string command;
    long long microseconds = 0;
};
LastTiming& lastTiming()
{
    static LastTiming timing;
    return timing;
}

/// Today as YYYY-MM-DD, in local time.
std::string today()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

std::string versionJson()
{
    return std::string("{\"version\":\"") + version + "\",\"schema\":"
           + std::to_string(aa::schemaVersion) + "}";
}
} // namespace

AnalysisService::AnalysisService(const uno::Reference<uno::XComponentContext>& xContext)
    : m_xContext(xContext)
{
    initLogging(m_xContext);
}

std::string AnalysisService::run(const uno::Sequence<beans::NamedValue>& rArgs)
{
    const Arguments args(rArgs);
    const std::string command = toUtf8(args.string("Command"));
    if (args.has("InjectFault"))
        armFault(toUtf8(args.string("InjectFault")));
    for (const char* layer : { "core", "std", "uno", "unknown" })
        faultPoint(layer);
    if (command == "version")
        return versionJson();
    if (command == "lastTiming")
    {
        LastTiming& timing = lastTiming();
        std::lock_guard<std::mutex> lock(timing.mutex);
        return "{\"command\":\"" + timing.command + "\",\"microseconds\":"
               + std::to_string(timing.microseconds) + "}";
    }
    if (command == "read")
        return aa::toJson(aa::readAnalysis(readBlocks(args.document()).blocks).analysis);
    if (command == "review" || command == "reviewComments")
    {
        const auto xDoc = args.document();
        const DocumentBlocks blocks = readBlocks(xDoc);
        const aa::ReadResult current = aa::readAnalysis(blocks.blocks);
        if (!current.found)
            throw aa::InputError(strings().get("error.noAnalysis"));
        aa::ReviewOptions options;
        options.today = args.has("Today") ? toUtf8(args.string("Today")) : today();
        const std::vector<aa::Finding> findings = aa::review(current.analysis, options);
        log().info("review: {} findings", findings.size());
        if (command == "review")
            return aa::findingsToJson(findings);
        std::string reviewer = args.has("Reviewer") ? toUtf8(args.string("Reviewer")) : userName(m_xContext);
        if (reviewer.empty())
            reviewer = strings().get("plan.flagAuthor");
        const CommentResult result = addReviewComments(xDoc, blocks, current, findings, reviewer);
        return "{\"added\":" + std::to_string(result.added) + ",\"kept\":" + std::to_string(result.kept)
               + ",\"removed\":" + std::to_string(result.removed) + "}";
    }
    if (command == "addSupervision")
    {
        const auto xDoc = args.document();
        aa::SupervisionEntry entry = aa::parseSupervisionEntry(toUtf8(args.string("Supervision")));
        if (entry.date.empty())
            entry.date = today();
        if (entry.reviewer.empty())
            entry.reviewer = userName(m_xContext);
        const DocumentBlocks blocks = readBlocks(xDoc);
        appendSupervision(xDoc, blocks, aa::readAnalysis(blocks.blocks), entry);
        log().info("supervision entry added");
        return "{\"added\":1}";
    }
    if (command == "update")
    {
        const auto xDoc = args.document();
        const aa::Analysis desired = aa::parseAnalysis(toUtf8(args.string("Analysis")),
                                                       aa::Strings::builtIn(), aa::ParseMode::Update);
        const DocumentBlocks blocks = readBlocks(xDoc);
        const aa::ReadResult current = aa::readAnalysis(blocks.blocks);
        if (!current.found)
            throw aa::InputError(strings().get("error.noAnalysis"));
        const aa::UpdatePlan plan = aa::planUpdate(current, desired);
        applyUpdate(xDoc, blocks, plan);
        log().info("update: {} edits, {} issues added, {} kept", plan.edits.size(),
                   plan.addedIssues.size(), plan.keptIssues.size());
        return aa::toJson(aa::readAnalysis(readBlocks(xDoc).blocks).analysis);
    }
    if (command == "updatePlan")
    {
        const auto xDoc = args.document();
        const DocumentBlocks blocks = readBlocks(xDoc);
        const aa::ReadResult current = aa::readAnalysis(blocks.blocks);
        if (!current.found)
            throw aa::InputError(strings().get("error.noAnalysis"));
        const aa::PlanUpdatePlan plan = aa::planPlanUpdate(current);
        applyPlanUpdate(m_xContext, xDoc, blocks, current, plan);
        log().info("updatePlan: {} edits{}", plan.edits.size(), plan.needsTable ? ", new table" : "");
        return aa::toJson(aa::readAnalysis(readBlocks(xDoc).blocks).analysis);
    }
    if (command == "insert" || command == "insertSkeleton")
    {
        const auto xDoc = args.document();
        const aa::Analysis analysis = aa::withPlan(
            command == "insert" ? aa::parseAnalysis(toUtf8(args.string("Analysis")))
                                : aa::makeSkeleton(args.integer("Count")));
        insertAnalysis(m_xContext, xDoc, analysis);
        log().info("insert: {} issues, {} plan rows", analysis.issues.size(), analysis.plan.size());
        return aa::toJson(analysis);
    }
    throw aa::InputError(strings().format("error.unknownCommand", { aa::truncateUtf8(command, 40) }));
}

uno::Any SAL_CALL AnalysisService::execute(const uno::Sequence<beans::NamedValue>& rArgs)
{
    const auto start = std::chrono::steady_clock::now();
    struct Disarm
    {
        ~Disarm() { disarmFault(); }
    } disarm;
    try
    {
        const std::string result = run(rArgs);
        const long long micros = std::chrono::duration_cast<std::chrono::microseconds>(
                                     std::chrono::steady_clock::now() - start)
                                     .count();
        OUString aCommand;
        for (const beans::NamedValue& rArg : rArgs)
            if (rArg.Name == "Command")
                rArg.Value >>= aCommand;
        if (aCommand != "lastTiming")
        {
            LastTiming& timing = lastTiming();
            std::lock_guard<std::mutex> lock(timing.mutex);
            timing.command = aa::truncateUtf8(toUtf8(aCommand), 40);
            timing.microseconds = micros;
        }
        log().info("{} done in {} ms", aa::truncateUtf8(toUtf8(aCommand), 40), micros / 1000);
        return uno::Any(fromUtf8(result));
    }
    catch (const aa::InputError& e)
    {
        log().warn("execute refused: {}", e.what());
        throw lang::IllegalArgumentException(fromUtf8(e.what()), *this, 0);
    }
    catch (const lang::IllegalArgumentException& e)
    {
        log().warn("execute refused by Writer: {}", toUtf8(e.Message));
        throw lang::IllegalArgumentException(e.Message, *this, 0);
    }
    catch (const uno::Exception& e)
    {
        log().error("execute failed: {}", toUtf8(e.Message));
        throw uno::RuntimeException("AnalysisService::execute: " + e.Message, *this);
    }
    catch (const std::exception& e)
    {
        log().error("execute failed: {}", e.what());
        throw uno::RuntimeException("AnalysisService::execute: " + fromUtf8(e.what()), *this);
    }
    catch (...)
    {
        log().error("execute failed: unknown exception");
        throw uno::RuntimeException("AnalysisService::execute: unknown failure", *this);
    }
}

void SAL_CALL AnalysisService::trigger(const OUString& rEvent)
{
    try
    {
        if (rEvent == "insertSkeleton")
            insertSkeletonFromDialog();
        else
            log().warn("trigger: unknown event");
    }
    catch (const aa::InputError& e)
    {
        showError(fromUtf8(e.what()));
    }
    catch (const uno::Exception& e)
    {
        log().error("trigger failed: {}", toUtf8(e.Message));
        showError("AnalysisService::trigger: " + e.Message);
    }
    catch (const std::exception& e)
    {
        log().error("trigger failed: {}", e.what());
        showError(fromUtf8(e.what()));
    }
    catch (...)
    {
        log().error("trigger failed: unknown exception");
    }
}

void AnalysisService::insertSkeletonFromDialog()
{
    auto xDesktop = frame::Desktop::create(m_xContext);
    uno::Reference<text::XTextDocument> xDoc(xDesktop->getCurrentComponent(), uno::UNO_QUERY);
    if (!xDoc.is())
        throw aa::InputError(strings().get("error.noDocument"));

    const OUString aLocation
        = deployment::PackageInformationProvider::get(m_xContext)->getPackageLocation(OUString::createFromAscii(extensionId));
    auto xProvider = awt::DialogProvider2::create(m_xContext);
    auto xDialog = xProvider->createDialog(aLocation + "/dialogs/InsertSkeleton.xdl");
    uno::Reference<awt::XControl> xDialogControl(xDialog, uno::UNO_QUERY_THROW);
    uno::Reference<beans::XPropertySet> xModel(xDialogControl->getModel(), uno::UNO_QUERY_THROW);
    xModel->setPropertyValue("Title", uno::Any(fromUtf8(strings().get("dialog.skeleton.title"))));
    uno::Reference<awt::XControlContainer> xControls(xDialog, uno::UNO_QUERY_THROW);
    uno::Reference<beans::XPropertySet>(xControls->getControl("PromptLabel")->getModel(),
                                        uno::UNO_QUERY_THROW)
        ->setPropertyValue("Label", uno::Any(fromUtf8(strings().get("dialog.skeleton.prompt"))));
    if (xDialog->execute() != 1)
        return;
    double fCount = 0;
    uno::Reference<beans::XPropertySet>(xControls->getControl("Count")->getModel(),
                                        uno::UNO_QUERY_THROW)
            ->getPropertyValue("Value")
        >>= fCount;
    const aa::Analysis analysis = aa::withPlan(aa::makeSkeleton(static_cast<long long>(fCount)));
    insertAnalysis(m_xContext, xDoc, analysis);
    log().info("insertSkeleton from menu: {} issues", analysis.issues.size());
}

void AnalysisService::showError(const OUString& rMessage)
{
    try
    {
        auto xDesktop = frame::Desktop::create(m_xContext);
        auto xFrame = xDesktop->getCurrentFrame();
        uno::Reference<awt::XWindowPeer> xPeer(xFrame.is() ? xFrame->getContainerWindow() : nullptr,
                                               uno::UNO_QUERY);
        uno::Reference<awt::XMessageBoxFactory> xFactory(awt::Toolkit::create(m_xContext),
                                                         uno::UNO_QUERY_THROW);
        auto xBox = xFactory->createMessageBox(xPeer, awt::MessageBoxType_ERRORBOX,
                                               awt::MessageBoxButtons::BUTTONS_OK,
                                               fromUtf8(strings().get("dialog.error.title")),
                                               rMessage);
        xBox->execute();
    }
    catch (...)
    {
        log().error("could not show an error message");
    }
}

OUString SAL_CALL AnalysisService::getImplementationName()
{
    return OUString::createFromAscii(implementationName);
}

sal_Bool SAL_CALL AnalysisService::supportsService(const OUString& rServiceName)
{
    return cppu::supportsService(this, rServiceName);
}

uno::Sequence<OUString> SAL_CALL AnalysisService::getSupportedServiceNames()
{
    uno::Sequence<OUString> aNames(1);
    aNames[0] = OUString::createFromAscii(implementationName);
    return aNames;
}

} // namespace aa::writer

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface*
org_assessmentanalysis_Analysis_get_implementation(uno::XComponentContext* pContext,
                                                   const uno::Sequence<uno::Any>&)
{
    return cppu::acquire(new aa::writer::AnalysisService(pContext));
}
