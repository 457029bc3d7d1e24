using HaiHau.InfoBot.Channels.Zalo;

namespace HaiHau.InfoBot.Host.Zalo;

/// <summary>
/// Asks Zalo for a template's parameter names when an officer adds it on the console, so the names mapped are the
/// approved template's exactly (a typed name would be refused at every send, -201). Registered only with ZNS on.
/// </summary>
public sealed class ZnsTemplateSource(ZaloRouteClient client, ZaloAuthorizedCall authorized)
{
    /// <summary>The template's parameters, or the Vietnamese reason officers see when it cannot be used.</summary>
    public async Task<(IReadOnlyList<ZnsTemplateInfoParameter>? Parameters, string? Error)> FetchAsync(string templateId, CancellationToken ct)
    {
        if (await authorized.TokenAsync(ct) is not { } token)
        {
            return (null, "Bot chưa kết nối được với Zalo OA (cần cấp quyền lại): chưa lấy được thông tin mẫu.");
        }

        var (reply, info) = await client.TemplateInfoAsync(token, templateId, ct);
        if (info is null)
        {
            return (null, reply.Transport is not null
                ? "Không kết nối được với Zalo: thử lại sau ít phút."
                : $"Zalo không tìm thấy mẫu «{templateId}» của OA (mã lỗi {reply.Error}): kiểm tra lại mã mẫu trong trang quản lý ZNS.");
        }

        if (!info.Enabled)
        {
            return (null, $"Mẫu «{templateId}» chưa được Zalo duyệt hoặc đang bị khóa (trạng thái {info.Status}): chưa dùng được.");
        }

        return info.Parameters.Count == 0
            ? (null, $"Mẫu «{templateId}» không có tham số nào để điền nội dung thông báo: hãy chọn mẫu khác.")
            : (info.Parameters, null);
    }
}
