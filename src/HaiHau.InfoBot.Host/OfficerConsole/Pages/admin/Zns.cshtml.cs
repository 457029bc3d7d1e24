using System.Text.RegularExpressions;
using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Host.Zalo;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Zns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>
/// Officers add the OA's Zalo-approved ZNS templates and map each parameter once to an announcement field (issue 18).
/// The names come from Zalo, never typed; a template with a parameter left unmapped is listed here but never offered
/// on the compose page. Templates are the OA's, so only district-wide officers change them; a commune officer reads.
/// </summary>
[Authorize(Policy = ConsoleRoles.OfficerPolicy)]
public sealed partial class ZnsModel(AuditLog audit) : PageModel
{
    [BindProperty] public string? TemplateId { get; set; }

    /// <summary>Parameter name → field (<see cref="ZnsFields"/>), as the form posts it: Fields[noi_dung]=text.</summary>
    [BindProperty] public Dictionary<string, string?> Fields { get; set; } = new(StringComparer.Ordinal);

    [BindProperty] public Dictionary<string, string?> FixedTexts { get; set; } = new(StringComparer.Ordinal);

    public bool ZnsOn { get; private set; }

    public bool CanChange => User.Commune() is null;

    public IReadOnlyList<ZnsTemplateMapping> Templates { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    private ZnsTemplateStore? Store => HttpContext.RequestServices.GetService<ZnsTemplateStore>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Adds a template (or refreshes one) with the parameters Zalo lists for it.</summary>
    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        var id = TemplateId?.Trim() ?? "";
        if (HttpContext.RequestServices.GetService<ZnsTemplateSource>() is not { } source || Store is not { } store)
        {
            Error = "Chưa bật gửi tin ZNS (InfoBot:Zalo:Routes:Zns): chưa thêm được mẫu.";
        }
        else if (!TemplateIdPattern().IsMatch(id))
        {
            Error = "Mã mẫu ZNS chỉ gồm chữ, số, dấu gạch ngang hoặc gạch dưới (tối đa 64 ký tự), như trong trang quản lý ZNS của Zalo.";
        }
        else
        {
            var (parameters, refused) = await source.FetchAsync(id, ct);
            if (parameters is null)
            {
                Error = refused ?? "Chưa lấy được thông tin mẫu từ Zalo.";
            }
            else
            {
                await store.AddAsync(id, parameters.Select(p => new ZnsTemplateParameter(p.Name, p.MaxLength)).ToList(), User.Who(), ct);
                await audit.AppendAsync(new AuditEntry(User.Id(), User.Who(), AuditActions.ZnsTemplateAdded, "zns_template", id, null,
                    $"{parameters.Count} tham số: {string.Join(", ", parameters.Select(p => p.Name))}"), ct);
                Done = $"Đã thêm mẫu «{id}». Hãy gán từng tham số bên dưới; mẫu chỉ dùng được cho thông báo khi mọi tham số đã gán.";
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Stores what fills each parameter of one template.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        var id = TemplateId?.Trim() ?? "";
        var mapping = Fields.ToDictionary(f => f.Key, f => (f.Value, FixedTexts.GetValueOrDefault(f.Key)), StringComparer.Ordinal);
        if (Store is not { } store || await store.MapAsync(id, mapping, User.Who(), ct) is not { } saved)
        {
            Error = $"Không có mẫu «{id}».";
        }
        else
        {
            await audit.AppendAsync(new AuditEntry(User.Id(), User.Who(), AuditActions.ZnsTemplateMapped, "zns_template", id, null,
                string.Join("; ", saved.Parameters.Select(p => $"{p.Name} = {(p.Mapped ? Describe(p) : "chưa gán")}"))), ct);
            Done = saved.Usable
                ? $"Đã lưu. Mẫu «{id}» dùng được cho thông báo."
                : $"Đã lưu. Mẫu «{id}» còn {saved.Unmapped.Count} tham số chưa gán ({string.Join(", ", saved.Unmapped)}): chưa dùng được cho thông báo.";
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        var id = TemplateId?.Trim() ?? "";
        if (Store is { } store && await store.RemoveAsync(id, ct))
        {
            await audit.AppendAsync(new AuditEntry(User.Id(), User.Who(), AuditActions.ZnsTemplateRemoved, "zns_template", id), ct);
            Done = $"Đã bỏ mẫu «{id}»: thông báo mới không gửi bằng mẫu này nữa.";
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>What fills the parameter, in words.</summary>
    public static string Describe(ZnsParameterMapping parameter) =>
        parameter.Field == ZnsFields.Fixed ? $"«{parameter.FixedText}»" : ZnsFields.Label(parameter.Field ?? "");

    private async Task LoadAsync(CancellationToken ct)
    {
        ZnsOn = HttpContext.RequestServices.GetService<ZaloRouteOptions>() is { ZnsOn: true };
        Templates = Store is { } store ? await store.AllAsync(ct) : [];
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex TemplateIdPattern();
}
