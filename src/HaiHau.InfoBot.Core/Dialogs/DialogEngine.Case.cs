using System.Globalization;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Screening;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// Reads the case, not only the topic (issue 12 §3): "nhà tôi 4 người, lương tháng 3 triệu, có được hộ nghèo không"
/// gets the income test for that household (per person against today's line, from the screener's own rules and
/// facts) and «Ước tính đầy đủ», which opens the screener with what was told already filled in.
/// The button carries the numbers ("screener:4:3000000:h:hai-hau"), so nothing about the household is stored.
/// </summary>
public sealed partial class DialogEngine
{
    /// <summary>The screener dialog (dialogs/kiem-tra-ho-ngheo.yaml) and the variables its prompts fill.</summary>
    public const string ScreenerDialogId = "kiem-tra-ho-ngheo";

    private const string MembersVar = "so_nguoi";
    private const string HouseholdIncomeVar = "thu_nhap_ho";
    private const string PersonIncomeVar = "thu_nhap_nguoi";
    private const string CommuneVar = "xa";

    /// <summary>True when the message tells a household's size and income and asks about being poor: answered for the case.</summary>
    private bool AnswerCase(TurnContext turn, UnderstoodQuestion question, string text)
    {
        var told = ResidentCase.Read(text, services.Content);
        var folded = VietnameseText.Fold(text);
        // The household's numbers with a question about being poor, or about what they may get ("có được gì không").
        // A size and an income told with no clear ask («nha toi 3 nguoi luong 2tr»: «lương» leant to the base salary
        // and the bot asked which topic) are the income test's numbers too.
        // A letter about one support («bà có được chế độ người tàn tật không», its costs and allowance told) asks about that
        // support: only a chat message asks what the household may get, or tells its numbers with no clear ask.
        var chat = VietnameseText.WordCount(folded) <= QuestionUnderstanding.LetterWords;
        var aboutStanding = question.Best.Topic is Topics.Eligibility || folded.Contains("ngheo", StringComparison.Ordinal)
            || (chat && question.Best.Topic is Topics.OtherSupport or Topics.Housing)
            || (chat && question.Decision != QuestionDecision.Answer && told.Members is not null);
        // A day's pay is not a month's income: the days worked are not told, so nothing is computed or guessed. Only when
        // the message asks about being poor itself («có cận nghèo ko»).
        if (told is { DailyWage: { } wage, Members: { } size } && folded.Contains("ngheo", StringComparison.Ordinal))
        {
            OfferScreener(turn, told, $"Nhà bác {size} người. Tiền công {VietnameseFormat.Number(wage)} đồng một ngày thì thu nhập cả tháng còn tùy số ngày có việc, nên cháu chưa tính được. "
                + "Bác bấm «Ước tính đầy đủ», cháu hỏi thu nhập cả nhà trong một tháng (cộng mọi khoản) và vài câu ngắn, không hỏi lại số người.");
            return true;
        }

        // «nhà tôi có phải hộ nghèo không» with no income told: who decides and where the list is, today's line, and the
        // screener from its first question (whatever was told, the size or the commune, already filled in).
        // With a circumstance an entry covers («nhà có xe máy có được hộ nghèo không»: the entry on assets), that entry answers.
        var entryOnCircumstance = question is { Decision: QuestionDecision.Answer, Best: { Answer.Kind: AnswerRef.Faq, Coverage: >= StandingQuestion.CircumstanceCoverage } }
            && StandingQuestion.TellsCircumstance(text);
        if (!told.HasIncomeTest && ((StandingQuestion.Asks(text) && !entryOnCircumstance) || StandingQuestion.TellsHardship(text)))
        {
            OfferScreener(turn, told, StandingAnswer, TryEstimateLabel);
            return true;
        }

        // «thị trấn Yên Định»: the towns are gone, and which line their area now has is for UBND xã to confirm (as the
        // screener says at its result); the case was computed on the rural line without a word of it.
        // Looked up only for a case that is answered: this runs on every question.
        return told.HasIncomeTest && aboutStanding && SayIncomeTest(turn, told, formerTown: NamesAFormerTown(text));
    }

    private bool NamesAFormerTown(string text) =>
        CommuneMatcher.Resolve(services.Content, text) is { Named: var named }
        && CommuneMap.AreaOn(services.Content, named, PovertyRuleSets.Today(services.Time)).FormerTown;

    /// <summary>
    /// The income test for a told case: per person against today's line (and the coming one), and the offer of the full
    /// estimate with what was told filled in. False when the rules for today are missing.
    /// </summary>
    /// <param name="lead">Said before the computation: what changed, when the case is one computed before with new numbers.</param>
    /// <param name="formerTown">A town that no longer exists was named: the line taken is said to be the rural one until UBND xã confirms.</param>
    /// <summary>A computed sum as said aloud: to the thousand («khoảng 833.000 đồng», not «833.333»).</summary>
    private static string Thousands(decimal amount) => VietnameseFormat.Number(Math.Round(amount / 1000) * 1000);

    private bool SayIncomeTest(TurnContext turn, ResidentCase told, string lead = "", bool formerTown = false)
    {
        var today = PovertyRuleSets.LocalDay(services.Time.GetUtcNow());
        var commune = told.Commune is { } code ? services.Content.FindCommune(code) : null;
        var area = commune?.Area ?? AreaKind.Rural;
        var unknown = PovertyRuleSets.For(today)?.RuleSet.Indicators?.Select(i => i.Code).ToList() ?? [];
        if (PovertyRuleSets.Screen(new ScreeningInput(area, told.Members ?? 1, told.MonthlyIncome!.Value, told.IncomePerPerson, [], unknown), services.Content, today) is not { } result)
        {
            return false;
        }

        var lineFact = area == AreaKind.Urban ? "chuan-ngheo-thanh-thi" : "chuan-ngheo-nong-thon";
        var place = area == AreaKind.Urban ? "ở thành thị" : "ở nông thôn";
        var perPerson = Thousands(result.PerCapitaIncome);
        var computation = told.IncomePerPerson
            ? told.Members is { } members
                ? $"Nhà bác {members} người, thu nhập mỗi người khoảng {perPerson} đồng một tháng."
                : $"Thu nhập mỗi người nhà bác khoảng {perPerson} đồng một tháng."
            : told.IncomeRange is var (low, high)
                ? told.IncomeByYear
                    ? $"Nhà bác {told.Members} người, thu nhập cả hộ khoảng {VietnameseFormat.Number(low)} đến {VietnameseFormat.Number(high)} đồng một năm; cháu lấy số ở giữa, tức khoảng {Thousands(told.MonthlyIncome.Value)} đồng một tháng, tính ra mỗi người khoảng {perPerson} đồng một tháng."
                    : $"Nhà bác {told.Members} người, thu nhập cả hộ khoảng {VietnameseFormat.Number(low)} đến {VietnameseFormat.Number(high)} đồng một tháng; cháu lấy số ở giữa, {VietnameseFormat.Number(told.MonthlyIncome.Value)} đồng, tính ra mỗi người khoảng {perPerson} đồng một tháng."
                : told.YearlyIncome is { } yearly
                    ? $"Nhà bác {told.Members} người, thu nhập cả hộ {VietnameseFormat.Number(yearly)} đồng một năm, tức khoảng {Thousands(told.MonthlyIncome.Value)} đồng một tháng, tính ra mỗi người khoảng {perPerson} đồng một tháng."
                    : $"Nhà bác {told.Members} người, {(told.IncomeParts > 1 ? "cộng các khoản bác kể thì " : string.Empty)}thu nhập cả hộ {VietnameseFormat.Number(told.MonthlyIncome.Value)} đồng một tháng, tính ra mỗi người khoảng {perPerson} đồng một tháng.";
        // Above today's line but not above the coming one (December 2026: the 2027 line): the household is a month from
        // the new standard's review, so it is told so, as the screener tells it (dialogs/kiem-tra-ho-ngheo.yaml, chuan-sap-tang).
        // Short enough that the computation and the verdict fit the first screen with a recomputation's lead before them
        // (ReadMore.Limit): the offer after them may go behind «Xem thêm», its button stays.
        var verdict = result.IncomeAtOrBelowLine
            ? "Mức này không cao hơn chuẩn nghèo về thu nhập, nên nhà bác có thể thuộc diện hộ nghèo hoặc hộ cận nghèo. Diện nào còn tùy nhà mình thiếu bao nhiêu dịch vụ cơ bản (việc làm, y tế, học hành, nhà ở, nước sạch, thông tin)."
            : result is { NearComingLine: true, NextLine: { } next, NextLineFrom: { } from }
                ? $"Mức này cao hơn chuẩn hiện nay, nên lúc này nhà bác chưa thuộc diện hộ nghèo hay hộ cận nghèo. Nhưng từ ngày {VietnameseFormat.Date(from)} chuẩn là {VietnameseFormat.Number(next)} đồng, thu nhập nhà bác không vượt mức này: bác nên hỏi UBND xã nơi bác ở (Phòng Văn hóa – Xã hội) ngay từ bây giờ về đợt rà soát nhé."
                : "Mức này cao hơn chuẩn nghèo về thu nhập, nên theo thu nhập thì nhà bác chưa thuộc diện hộ nghèo hay hộ cận nghèo. Nếu thu nhập thật thấp hơn (trừ chi phí làm ăn, có người ốm đau), bác cứ đề nghị UBND xã xem lại.";
        var notAskedAgain = told.Members is null ? "thu nhập" : "số người và thu nhập";
        // After a lead («Cháu tính lại: nhà bác 6 người…») the computation goes on its sentence.
        computation = lead.Length == 0 ? computation : string.Concat(computation[..1].ToLower(VietnameseFormat.Culture), computation.AsSpan(1));
        OfferScreener(turn, told, $"{lead}{computation} Chuẩn nghèo về thu nhập {place} hiện nay là {{fact:{lineFact}}} mỗi người một tháng.{(formerTown ? " " + FormerTownLine : string.Empty)}\n\n{verdict}\n\n"
            + $"Đây chỉ là ước tính; chỉ đợt rà soát của UBND xã mới quyết định. Bác muốn cháu ước tính đầy đủ (thêm 12 câu hỏi ngắn, không hỏi lại {notAskedAgain}) không?");
        return true;
    }

    /// <summary>
    /// The household's size or income told inside the screener where its prompt cannot take it («thu nhập cả nhà 5
    /// triệu» at «cả hộ hay mỗi người?»): what was told is kept as if told before the screener began, so the prompts
    /// for it are skipped, and the waiting prompt goes on (skipped too when it only led there). It was answered with
    /// the income-averaging entry and asked again until the dialog gave up (issue 12 §5). Only what the screener has not
    /// got yet is taken: an answer already given is never overwritten by a number in a later sentence.
    /// </summary>
    private bool FillFromCase(TurnContext turn, string text)
    {
        if (!KeepCase(turn, text))
        {
            return false;
        }

        Run(turn, new NodeOutcome.Continue(turn.Frame.NodeId));
        return true;
    }

    /// <summary>
    /// Keeps what the reply told of the household's size or income that the screener has not got yet, as if told before
    /// it began (its prompts are then skipped); true when anything was kept. Also where the prompt takes the reply:
    /// «5 triệu cả nhà» at «cả hộ hay mỗi người?» picks «cả hộ» and the 5 triệu is not asked again.
    /// </summary>
    private bool KeepCase(TurnContext turn, string text)
    {
        var frame = turn.Frame;
        if (frame.DialogId != ScreenerDialogId)
        {
            return false;
        }

        // At the income questions a sum is the income without more words («cả năm … được chừng 60 triệu»), and at «mỗi
        // người …?» the household's sum told with its size is shared out («cả nhà 4 người tháng được 6 triệu»: 1.500.000).
        var asked = frame.Waiting && FindNode(frame) is PromptNode { Var: var askedVar } ? askedVar : null;
        var told = ResidentCase.Read(text, services.Content, incomeAsked: asked is HouseholdIncomeVar or PersonIncomeVar);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (told.Members is { } members && !frame.Vars.ContainsKey(MembersVar))
        {
            values[MembersVar] = members.ToString(CultureInfo.InvariantCulture);
        }

        var incomeKnown = frame.Vars.ContainsKey(HouseholdIncomeVar) || frame.Vars.ContainsKey(PersonIncomeVar);
        var size = told.Members ?? (frame.Vars.TryGetValue(MembersVar, out var known) && int.TryParse(known, CultureInfo.InvariantCulture, out var n) ? n : (int?)null);
        if (told.MonthlyIncome is { } income && !incomeKnown && (told.IncomePerPerson || size is not null))
        {
            var shared = asked == PersonIncomeVar && !told.IncomePerPerson && size is > 0;
            values[told.IncomePerPerson || shared ? PersonIncomeVar : HouseholdIncomeVar] =
                (shared ? Math.Round(income / size!.Value) : income).ToString("0", CultureInfo.InvariantCulture);
        }

        if (values.Count == 0)
        {
            return false;
        }

        Prefill.Add(frame, values);
        return true;
    }

    /// <summary>
    /// The household's size or income told inside the poverty dialog («nhà tôi 5 người», «khoảng 4 triệu một tháng» at
    /// «what would you like to know?») is the estimate begun: the screener starts with what was told filled in. It was
    /// answered with the income-averaging entry, then asked again until the dialog gave up, the numbers lost.
    /// The screener's own questions read their numbers themselves and are left alone.
    /// </summary>
    private bool EstimateFromCase(TurnContext turn, string text)
    {
        if (services.Dialogs.Find(turn.Frame.DialogId) is not { Topic: Topics.Eligibility, Id: not ScreenerDialogId })
        {
            return false;
        }

        var told = ResidentCase.Read(text, services.Content);
        return (told.Members is not null || told.MonthlyIncome is not null)
            && StartPrefilledScreener(turn, ScreenerPayload(told)[(AnswerRef.Screener.Length + 1)..]);
    }

    /// <summary>Said after the line when a former town was named (short: the verdict after it must stay on the first screen).</summary>
    private const string FormerTownLine = "Thị trấn cũ nay thuộc xã; cháu tạm tính chuẩn nông thôn, UBND xã sẽ xác nhận.";

    /// <summary>The offer's button after a computed case, and after the standing question (typed, they press it too).</summary>
    private const string FullEstimateLabel = "Ước tính đầy đủ";

    private const string TryEstimateLabel = "Ước tính thử";

    /// <summary>Whether the message is the offer's button typed («uoc tinh thu», «Ước tính đầy đủ»).</summary>
    private static bool TypesTheEstimateButton(string text) =>
        VietnameseText.Fold(text).Trim() is var folded && (folded == VietnameseText.Fold(FullEstimateLabel) || folded == VietnameseText.Fold(TryEstimateLabel));

    /// <summary>The reply to «nhà tôi có phải hộ nghèo không» (see <see cref="StandingQuestion"/>).</summary>
    private const string StandingAnswer =
        "Nhà mình có phải hộ nghèo, hộ cận nghèo hay không là do UBND xã xét qua đợt rà soát rồi công nhận, và danh sách được niêm yết công khai. "
        + "Bác hỏi trưởng thôn hoặc UBND xã nơi bác ở (Phòng Văn hóa – Xã hội) là biết chắc.\n\n"
        + "Về thu nhập, chuẩn nghèo hiện nay là {fact:chuan-ngheo-nong-thon} mỗi người một tháng ở nông thôn, {fact:chuan-ngheo-thanh-thi} ở thành thị; "
        + "hộ nghèo hay cận nghèo còn tùy nhà mình thiếu bao nhiêu dịch vụ cơ bản. Bác muốn cháu ước tính thử cho nhà mình (vài câu hỏi ngắn) không?";

    /// <summary>The case answer's reply: what was read of the case, with a button (by default «Ước tính đầy đủ») carrying it into the screener.</summary>
    private static void OfferScreener(TurnContext turn, ResidentCase told, string text, string button = FullEstimateLabel)
    {
        turn.Log(EventKinds.QuestionUnderstood, Topics.Eligibility);
        turn.State.Offer = ScreenerPayload(told);
        turn.Say(text,
            [
                new QuickReply(turn.State.Offer, button),
                .. GlobalCommands.Buttons(GlobalCommand.Menu, GlobalCommand.Handoff),
            ]);
        turn.Log(EventKinds.QuestionAnswered, AnswerRef.Screener);
    }

    private static string ScreenerPayload(ResidentCase told) => string.Join(':',
        AnswerRef.Screener,
        told.Members?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        told.MonthlyIncome?.ToString("0", CultureInfo.InvariantCulture) ?? string.Empty,
        told.IncomePerPerson ? "p" : "h",
        told.Commune ?? string.Empty);

    /// <summary>The case a screener offer carries (<see cref="ScreenerPayload"/>), or null when the offer is another or none.</summary>
    private static ResidentCase? OfferedCase(string? offer) =>
        AnswerRef.Parse(offer) is { Kind: AnswerRef.Screener, Id: var id } ? CaseOfPayload(id) : null;

    /// <summary>
    /// What <see cref="ScreenerPayload"/> wrote, read back («4:3000000:h:hai-hau»): one reading for the button pressed and
    /// for the case a follow-up changes. The size may be missing («nhà tôi có 1 người khuyết tật, thu nhập cả nhà 4
    /// triệu»), or the income (a day's pay was told instead); a payload of another shape is no case.
    /// </summary>
    private static ResidentCase CaseOfPayload(string id)
    {
        if (id.Split(':') is not { Length: >= 3 } parts)
        {
            return ResidentCase.None;
        }

        var members = int.TryParse(parts[0], CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 30 ? count : (int?)null;
        var income = decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var sum) && sum >= 0 ? sum : (decimal?)null;
        return new ResidentCase(members, income, parts[2] == "p", parts.Length >= 4 && parts[3].Length > 0 ? parts[3] : null, null, null);
    }

    /// <summary>«Ước tính đầy đủ»: the screener, with the household size, income and commune from the button seeded.</summary>
    private bool StartPrefilledScreener(TurnContext turn, string id)
    {
        var told = CaseOfPayload(id);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (told.Members is { } size)
        {
            values[MembersVar] = size.ToString(CultureInfo.InvariantCulture);
        }

        // Without an income (a day's pay was told) the screener asks the month's; without a size, the size.
        if (told.MonthlyIncome is { } income)
        {
            values[told.IncomePerPerson ? PersonIncomeVar : HouseholdIncomeVar] = income.ToString("0", CultureInfo.InvariantCulture);
        }

        if (told.Commune is { } code && services.Content.FindCommune(code) is { } commune)
        {
            values[CommuneVar] = commune.Code;
        }

        if (services.Dialogs.Find(ScreenerDialogId) is null)
        {
            return false;
        }

        turn.State.Stack.Clear();
        turn.State.History.Clear();
        if (Push(turn, ScreenerDialogId) is not { } start)
        {
            return false;
        }

        Prefill.Seed(turn.Frame, values);
        turn.Log(EventKinds.QuestionAnswered, AnswerRef.Screener);
        Run(turn, start);
        return true;
    }
}
