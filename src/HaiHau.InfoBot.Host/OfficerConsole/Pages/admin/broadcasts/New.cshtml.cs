using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Host.Broadcasts;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Zns;
using HaiHau.InfoBot.Channels.Zalo;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin.Broadcasts;

/// <summary>
/// Compose an announcement: text and link, the segment, a preview per channel and the audience count (the same
/// selection the scheduler makes), then send now or at a time in Vietnam. A commune officer sends only to their commune.
/// </summary>
[Authorize(Policy = ConsoleRoles.BroadcastsPolicy)]
public sealed class ComposeModel(
    BroadcastStore store, BroadcastAudiences audiences, IContentStore content, AuditLog audit, OutboxSignal signal,
    IOptions<DeliveryOptions> delivery, IOptions<BroadcastOptions> options, TimeProvider time, IQuestionUnderstanding understanding,
    TopicRegistry topics) : PageModel
{
    /// <summary>The topics an announcement can target (the registry's subjects, topics.yaml order).</summary>
    public IReadOnlyList<string> Subjects => topics.Subjects;

    [BindProperty] public string? Text { get; set; }

    [BindProperty] public string? Link { get; set; }

    [BindProperty] public List<string> Communes { get; set; } = [];

    [BindProperty] public List<string> Categories { get; set; } = [];

    [BindProperty] public List<string> Topics { get; set; } = [];

    [BindProperty] public List<string> Channels { get; set; } = [];

    [BindProperty] public bool OnePerHousehold { get; set; }

    /// <summary>"now" or "later".</summary>
    [BindProperty] public string When { get; set; } = "now";

    [BindProperty] public string? Date { get; set; }

    [BindProperty] public string? Time { get; set; }

    /// <summary>The ZNS template chosen (issue 18): empty takes the first usable one, <see cref="NoZns"/> none.</summary>
    [BindProperty] public string? ZnsTemplate { get; set; }

    public const string NoZns = "-";

    /// <summary>The templates an announcement may go by on ZNS (every parameter mapped); null when ZNS is off.</summary>
    public IReadOnlyList<ZnsTemplateMapping>? ZnsTemplates { get; private set; }

    /// <summary>The template this announcement goes by on ZNS, once checked (null: not by ZNS).</summary>
    public string? ChosenZnsTemplate { get; private set; }

    public string? Error { get; private set; }

    public int? AudienceCount { get; private set; }

    /// <summary>How the residents would be reached, per route (shown only when a Zalo route is configured).</summary>
    public RoutePlan? Plan { get; private set; }

    public IReadOnlyList<ChannelPreview> Previews { get; private set; } = [];

    public string Message { get; private set; } = "";

    public string? OwnCommune => User.Commune();

    public IReadOnlyList<Commune> CommuneChoices => content.Communes.Where(c => OwnCommune is null || c.Code == OwnCommune).ToList();

    public string CommuneName(string code) => content.FindCommune(code)?.Name ?? code;

    /// <summary>A topic's label from content/understanding/topics.yaml, the one topic registry every page names topics by.</summary>
    public string TopicName(string topic) => ConsoleLabels.Topic(understanding, topic);

    /// <summary>District-wide ones (when the setting asks), and any whose ZNS cost is above the threshold, wait for a second account.</summary>
    public bool NeedsApproval(Segment segment) =>
        (options.Value.RequireApprovalDistrictWide && segment.Communes.Count == 0) || Plan?.CostNeedsApproval == true;

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(delivery.Value.TimeZone);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ZnsTemplates = await UsableZnsTemplatesAsync(ct);
        var tomorrow = TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).AddDays(1);
        Date = tomorrow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Time = "08:00";
    }

    /// <summary>Shows the preview and the count; sends nothing.</summary>
    public async Task OnPostPreviewAsync(CancellationToken ct) => await CheckAsync(ct);

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        var segment = await CheckAsync(ct);
        if (segment is null)
        {
            return Page();
        }

        DateTimeOffset at = time.GetUtcNow();
        if (When == "later")
        {
            var (scheduled, error) = BroadcastForm.ScheduledAt(Date, Time, Zone, at);
            if (scheduled is null)
            {
                Error = error;
                return Page();
            }

            at = scheduled.Value;
        }

        var needsApproval = NeedsApproval(segment);
        var id = await store.CreateAsync(new BroadcastDraft(Text!.Trim(), string.IsNullOrWhiteSpace(Link) ? null : Link.Trim(), segment, at, User.Who(), needsApproval, ChosenZnsTemplate), ct);
        await audit.AppendAsync(new AuditEntry(User.Id(), User.Who(), AuditActions.BroadcastCreated, "broadcast", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            segment.Communes.Count == 1 ? segment.Communes[0] : null,
            $"{BroadcastForm.Describe(segment, CommuneName, TopicName)}; {AudienceCount} người{(ChosenZnsTemplate is { } zns ? $"; mẫu ZNS {zns}" : "")}{(Plan is { ZnsCost: > 0 } plan ? $"; ZNS ước tính {VietnameseFormat.Money(plan.ZnsCost)}" : "")}; gửi lúc {BroadcastForm.Local(at, Zone)}{(needsApproval ? "; chờ duyệt" : "")}"), ct);
        signal.Wake(BroadcastScheduler.WakeKey);
        return Redirect("/admin/broadcasts?created=" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<Segment?> CheckAsync(CancellationToken ct)
    {
        Error = BroadcastForm.CheckText(Text, Link);
        var (segment, segmentError) = BroadcastForm.SegmentFor(OwnCommune, Communes, Categories, Topics, Subjects, Channels, OnePerHousehold,
            content.Communes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal));
        Error ??= segmentError;
        if (segment is null)
        {
            return null;
        }

        Communes = segment.Communes.ToList();
        ZnsTemplates = await UsableZnsTemplatesAsync(ct);
        Error ??= ChooseZnsTemplate();
        if (audiences.Routed)
        {
            Plan = await audiences.PlanAsync(segment, ChosenZnsTemplate, ct);
            AudienceCount = Plan.Members.Count;
        }
        else
        {
            AudienceCount = await audiences.CountAsync(segment, ct);
        }

        if (Error is not null)
        {
            return null;
        }

        Message = BroadcastForm.MessageOf(Text!.Trim(), Link);
        Previews = BroadcastForm.Previews(Message);
        return segment;
    }

    private async Task<IReadOnlyList<ZnsTemplateMapping>?> UsableZnsTemplatesAsync(CancellationToken ct) =>
        HttpContext.RequestServices.GetService<ZaloRouteOptions>() is { ZnsOn: true } && HttpContext.RequestServices.GetService<ZnsTemplateStore>() is { } store
            ? await store.UsableAsync(ct)
            : null;

    /// <summary>
    /// Resolves the template: only one whose every parameter is mapped is ever used (Zalo would refuse the rest at
    /// each send); one that takes the link needs an announcement with a link.
    /// </summary>
    private string? ChooseZnsTemplate()
    {
        ChosenZnsTemplate = null;
        if (ZnsTemplates is null || ZnsTemplate == NoZns)
        {
            return null;
        }

        var chosen = string.IsNullOrWhiteSpace(ZnsTemplate)
            ? (ZnsTemplates.Count > 0 ? ZnsTemplates[0] : null)
            : ZnsTemplates.FirstOrDefault(t => t.TemplateId == ZnsTemplate.Trim());
        if (chosen is null)
        {
            return string.IsNullOrWhiteSpace(ZnsTemplate) ? null : $"Mẫu ZNS «{ZnsTemplate.Trim()}» chưa gán đủ tham số nên không dùng được cho thông báo (xem trang «Mẫu tin ZNS»).";
        }

        if (chosen.NeedsLink && string.IsNullOrWhiteSpace(Link))
        {
            return $"Mẫu ZNS «{chosen.TemplateId}» cần đường dẫn: hãy điền đường dẫn hoặc chọn mẫu khác.";
        }

        ChosenZnsTemplate = chosen.TemplateId;
        return null;
    }
}
