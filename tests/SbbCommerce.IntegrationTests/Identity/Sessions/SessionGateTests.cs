using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Identity.Sessions;

namespace SbbCommerce.IntegrationTests.Identity.Sessions;

/// <summary>
/// The gate's cache on its own (no listener feeds this instance): while listening, an answer is kept until a
/// NOTIFY evicts it (at most 60 s); while the listener is disconnected, only 1 s.
/// </summary>
public sealed class SessionGateTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_the_listener_disconnected_When_a_session_is_revoked_Then_the_gate_refuses_within_the_short_expiry()
    {
        var (gate, time, principal, sessionId) = await ArrangeAsync(listening: false);
        Assert.True(await gate.IsHonouredAsync(principal, CancellationToken.None));

        await RevokeAsync(sessionId);

        Assert.True(await gate.IsHonouredAsync(principal, CancellationToken.None)); // still the cached answer
        time.Advance(SessionGate.DisconnectedLifetime + TimeSpan.FromMilliseconds(1));
        Assert.False(await gate.IsHonouredAsync(principal, CancellationToken.None));
    }

    [Fact]
    public async Task Given_the_listener_connected_When_nothing_is_notified_Then_the_answer_is_cached_until_its_longer_expiry()
    {
        var (gate, time, principal, sessionId) = await ArrangeAsync(listening: true);
        Assert.True(await gate.IsHonouredAsync(principal, CancellationToken.None));

        await RevokeAsync(sessionId);
        time.Advance(TimeSpan.FromSeconds(5));

        // Cached: the database is not asked on every request while NOTIFY is trusted to evict.
        Assert.True(await gate.IsHonouredAsync(principal, CancellationToken.None));
        time.Advance(SessionGate.ConnectedLifetime);
        Assert.False(await gate.IsHonouredAsync(principal, CancellationToken.None));
    }

    [Fact]
    public async Task Given_a_cached_answer_When_a_notification_for_the_session_arrives_Then_the_next_check_reads_the_database()
    {
        var (gate, _, principal, sessionId) = await ArrangeAsync(listening: true);
        Assert.True(await gate.IsHonouredAsync(principal, CancellationToken.None));
        await RevokeAsync(sessionId);

        gate.OnNotification(SessionGate.SessionTopic, sessionId.ToString());

        Assert.False(await gate.IsHonouredAsync(principal, CancellationToken.None));
    }

    [Fact]
    public async Task Given_a_token_claiming_another_role_or_a_foreign_session_When_the_gate_checks_it_Then_it_is_refused()
    {
        var (gate, _, principal, sessionId) = await ArrangeAsync(listening: true);
        var userId = Guid.Parse(principal.FindFirstValue("sub")!);

        Assert.False(await gate.IsHonouredAsync(Principal(userId, sessionId, "admin"), CancellationToken.None));
        Assert.False(await gate.IsHonouredAsync(Principal(Guid.NewGuid(), sessionId, "customer"), CancellationToken.None));
        Assert.True(await gate.IsHonouredAsync(principal, CancellationToken.None));
    }

    private async Task<(SessionGate Gate, FakeTimeProvider Time, ClaimsPrincipal Principal, Guid SessionId)> ArrangeAsync(bool listening)
    {
        var userId = await fixture.ScalarAsync<Guid>(
            "INSERT INTO users (email, role, status) VALUES (@email, 'customer', 'active') RETURNING id", ("email", IdentityApi.NewEmail("gate")));
        var sessionId = Guid.NewGuid();
        await fixture.ExecuteAsync(
            """
            INSERT INTO auth_sessions (id, user_id, family_id, refresh_token_hash, status, expires_at)
            VALUES (@id, @user, @id, @hash, 'active', now() + interval '30 days')
            """,
            ("id", sessionId), ("user", userId), ("hash", "gate-" + sessionId.ToString("N")));
        var state = new DatabaseNotificationState();
        state.Set(listening);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var gate = new SessionGate(fixture.Factory.Services.GetRequiredService<NpgsqlDataSource>(), state, time);
        return (gate, time, Principal(userId, sessionId, "customer"), sessionId);
    }

    private Task<int> RevokeAsync(Guid sessionId) =>
        fixture.ExecuteAsync("UPDATE auth_sessions SET status = 'revoked', revoked_at = now() WHERE family_id = @id", ("id", sessionId));

    private static ClaimsPrincipal Principal(Guid userId, Guid sessionId, string role) =>
        new(new ClaimsIdentity([new Claim("sub", userId.ToString()), new Claim("sid", sessionId.ToString()), new Claim("role", role)], "Bearer"));
}
