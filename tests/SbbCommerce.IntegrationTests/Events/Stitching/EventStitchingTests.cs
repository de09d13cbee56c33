namespace SbbCommerce.IntegrationTests.Events.Stitching;

public sealed class EventStitchingTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_visitors_events_When_they_log_in_with_that_anonymous_id_Then_recent_events_become_theirs_and_old_ones_stay()
    {
        var client = fixture.CreateClient();
        var email = IdentityApi.NewEmail();
        var userId = (await client.RegisterAsync(email)).GetProperty("id").GetGuid();
        var anonymousId = $"stitch-{Guid.NewGuid():N}";
        var now = fixture.Factory.Time.GetUtcNow();
        foreach (var (name, age) in new[] { ("page.view", TimeSpan.FromDays(2)), ("product.view", TimeSpan.FromHours(1)), ("page.view", TimeSpan.FromDays(40)) })
        {
            await fixture.ExecuteAsync(
                "INSERT INTO events (event_name, event_category, anonymous_id, session_id, created_at) VALUES (@name, 'page', @anon, 's', @at)",
                ("name", name), ("anon", anonymousId), ("at", now - age));
        }

        var visitor = fixture.CreateClient();
        visitor.DefaultRequestHeaders.Add("X-Anonymous-Id", anonymousId);
        await visitor.SignInAsync(email);

        Assert.Equal(2L, await fixture.ScalarAsync<long>("SELECT count(*) FROM events WHERE anonymous_id = @anon AND user_id = @user AND event_name IN ('page.view', 'product.view')", ("anon", anonymousId), ("user", userId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM events WHERE anonymous_id = @anon AND user_id IS NULL", ("anon", anonymousId)));
    }
}
