using System.Security.Cryptography;
using SbbCommerce.Api.Common.Jobs;

namespace SbbCommerce.IntegrationTests.Common.Idempotency;

/// <summary>Idempotency-Key as API.md says, through the diagnostics echo route (marked (I)).</summary>
public sealed class IdempotencyTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Route = "/api/v1/_diagnostics/echo";

    [Fact]
    public async Task Given_a_completed_request_When_the_same_key_and_body_come_again_Then_the_first_answer_is_replayed()
    {
        var client = ClientAs("replay-visitor-01");
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(client, key, "hello");
        var second = await PostAsync(client, key, "hello");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("true", second.Headers.GetValues("Idempotency-Replayed").Single());
    }

    [Fact]
    public async Task Given_a_used_key_When_another_body_comes_with_it_Then_422_idempotency_key_reused()
    {
        var client = ClientAs("reuse-visitor-01");
        var key = Guid.NewGuid().ToString();
        await PostAsync(client, key, "first");

        var response = await PostAsync(client, key, "second");

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }

    [Fact]
    public async Task Given_the_same_key_from_another_caller_When_posting_Then_it_runs_for_that_caller()
    {
        var key = Guid.NewGuid().ToString();
        var first = await ReadExecutionsAsync(await PostAsync(ClientAs("caller-a-0001"), key, "same"));

        var second = await ReadExecutionsAsync(await PostAsync(ClientAs("caller-b-0001"), key, "same"));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Given_a_request_still_running_When_the_same_key_comes_Then_409_request_in_progress()
    {
        var key = Guid.NewGuid().ToString();
        await InsertInFlightAsync("anon:inflight-visitor-1", key, "busy", lockedUntil: fixture.Factory.Time.GetUtcNow().AddMinutes(1));

        var response = await PostAsync(ClientAs("inflight-visitor-1"), key, "busy");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "request_in_progress");
    }

    [Fact]
    public async Task Given_a_crashed_request_whose_lock_expired_When_the_client_retries_Then_it_runs()
    {
        var key = Guid.NewGuid().ToString();
        await InsertInFlightAsync("anon:crashed-visitor-1", key, "retry", lockedUntil: fixture.Factory.Time.GetUtcNow().AddSeconds(-1));

        var response = await PostAsync(ClientAs("crashed-visitor-1"), key, "retry");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Given_a_key_older_than_24_hours_When_the_cleanup_job_runs_Then_it_is_deleted_and_the_key_runs_anew()
    {
        var client = ClientAs("expiry-visitor-01");
        var key = Guid.NewGuid().ToString();
        var first = await ReadExecutionsAsync(await PostAsync(client, key, "old"));
        fixture.Factory.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        await using (var scope = fixture.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<IdempotencyKeyCleanupJob>().RunAsync(CancellationToken.None) >= 1);
        }

        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = @key", ("key", key)));
        var again = await ReadExecutionsAsync(await PostAsync(client, key, "old"));
        Assert.NotEqual(first, again);
    }

    [Fact]
    public async Task Given_a_validation_failure_When_replayed_Then_the_same_400_comes_back_without_running_twice()
    {
        var client = ClientAs("invalid-visitor-01");
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(client, key, "");
        var second = await PostAsync(client, key, "");

        await first.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await second.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(second.Headers.Contains("Idempotency-Replayed"));
    }

    [Fact]
    public async Task Given_a_key_longer_than_255_characters_When_posting_Then_400_validation_failed()
    {
        var response = await PostAsync(ClientAs("long-key-visitor"), new string('k', 256), "x");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    private HttpClient ClientAs(string anonymousId)
    {
        var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Add("X-Anonymous-Id", anonymousId);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string key, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = new StringContent(Body(message), Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static string Body(string message) => JsonSerializer.Serialize(new { message });

    private static async Task<int> ReadExecutionsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("executions").GetInt32();
    }

    /// <summary>A claim left by a request that is (or was) running: the hash is the middleware's (method, path, body).</summary>
    private Task<int> InsertInFlightAsync(string caller, string key, string message, DateTimeOffset lockedUntil)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"POST {Route}\n" + Body(message))));
        var now = fixture.Factory.Time.GetUtcNow();
        return fixture.ExecuteAsync(
            """
            INSERT INTO idempotency_keys (caller, idempotency_key, request_method, request_path, request_hash, locked_until, created_at, expires_at)
            VALUES (@caller, @key, 'POST', @path, @hash, @lockedUntil, @now, @expires)
            """,
            ("caller", caller), ("key", key), ("path", Route), ("hash", hash), ("lockedUntil", lockedUntil), ("now", now), ("expires", now.AddHours(24)));
    }
}
