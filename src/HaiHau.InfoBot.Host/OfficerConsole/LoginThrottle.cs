using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.OfficerConsole;

/// <summary>
/// Wrong passwords counted per (client address, account) instead of per account (issue 14): a stranger's guesses lock
/// that stranger out of that account for <see cref="ConsoleOptions.LockoutDuration"/>, while the officer, from their
/// own address, still signs in. Together with the per-address rate limit on the form (RateLimits) this bounds guessing
/// without handing anyone a way to lock an officer out. In memory: a restart forgets the counts, which only helps the
/// person who was locked out. An account an admin locked stays locked (Identity's own lockout).
/// </summary>
public sealed class LoginThrottle(IOptions<ConsoleOptions> options, TimeProvider time)
{
    /// <summary>Entries kept before expired ones are swept (each is a few dozen bytes).</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool IsLockedOut(string? address, string account) =>
        _entries.TryGetValue(Key(address, account), out var entry) && entry.LockedUntil > time.GetUtcNow();

    public void Failed(string? address, string account)
    {
        var now = time.GetUtcNow();
        var limit = options.Value.LockoutAttempts;
        var duration = options.Value.LockoutDuration;
        _entries.AddOrUpdate(
            Key(address, account),
            _ => new Entry(1, limit <= 1 ? now + duration : DateTimeOffset.MinValue, now),
            (_, old) =>
            {
                // Failures older than a lockout period no longer count.
                var failures = old.LastFailure + duration < now ? 1 : old.Failures + 1;
                return new Entry(failures, failures >= limit ? now + duration : old.LockedUntil, now);
            });
        if (_entries.Count > SweepAbove)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.LastFailure + duration < now && entry.LockedUntil < now)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }

    public void Succeeded(string? address, string account) => _entries.TryRemove(Key(address, account), out _);

    /// <summary>An admin unlocked the account: its failures from every address are forgotten.</summary>
    public void Forget(string account)
    {
        var suffix = "|" + account.Trim().ToUpperInvariant();
        foreach (var key in _entries.Keys.Where(k => k.EndsWith(suffix, StringComparison.Ordinal)))
        {
            _entries.TryRemove(key, out _);
        }
    }

    /// <summary>Whether wrong passwords from some address keep the account locked now.</summary>
    public bool IsLockedAnywhere(string account)
    {
        var suffix = "|" + account.Trim().ToUpperInvariant();
        var now = time.GetUtcNow();
        return _entries.Any(e => e.Key.EndsWith(suffix, StringComparison.Ordinal) && e.Value.LockedUntil > now);
    }

    private static string Key(string? address, string account) => (address ?? "-") + "|" + account.Trim().ToUpperInvariant();

    private sealed record Entry(int Failures, DateTimeOffset LockedUntil, DateTimeOffset LastFailure);
}

/// <summary>
/// Makes a sign-in with an unknown address take as long as one with a wrong password (issue 14: 10 ms against
/// 136–280 ms told which accounts exist): the same password hash is verified against a throwaway hash.
/// </summary>
public sealed class LoginTimingEqualiser
{
    private static readonly IdentityUser Nobody = new("nobody@invalid");

    // Identity's own hasher with Identity's settings, so the work is the same as for a real account's hash.
    private readonly PasswordHasher<IdentityUser> _hasher;

    private readonly string _throwaway;

    public LoginTimingEqualiser(IOptions<PasswordHasherOptions> options)
    {
        _hasher = new PasswordHasher<IdentityUser>(options);
        _throwaway = _hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
    }

    public void VerifyAgainstNothing(string password) => _hasher.VerifyHashedPassword(Nobody, _throwaway, password);
}
