namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>Where the token pair lives between runs: one value holding both tokens, written whole or not at all.</summary>
public interface IZaloTokenStore
{
    Task<string?> LoadAsync(CancellationToken ct);

    /// <summary>Writes <paramref name="value"/> only if the stored value is still <paramref name="expected"/> (null: none yet).</summary>
    Task<bool> CompareAndSetAsync(string? expected, string value, CancellationToken ct);
}
