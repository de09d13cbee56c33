using SbbCommerce.Api.Common.Persistence;

namespace SbbCommerce.IntegrationTests.Common.Host;

/// <summary>
/// A host that is migrating (here: waiting for another host's migration, which holds the advisory lock) is live,
/// not ready, and refuses traffic with 503 until its schema is in place; then it serves.
/// </summary>
public sealed class MigrationReadinessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Given_another_host_migrating_When_a_host_starts_Then_it_refuses_traffic_until_the_migration_is_done()
    {
        var connectionString = await TestDatabases.CreateAsync();
        await using var otherHostsMigration = new NpgsqlConnection(connectionString);
        await otherHostsMigration.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({DatabaseMigrator.MigrationLockKey})", otherHostsMigration))
        {
            await take.ExecuteNonQueryAsync();
        }

        await using var host = new SbbApiFactory(connectionString, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "true", ["Database:StartupWaitSeconds"] = "0" });
        var client = host.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");
        var products = await client.GetAsync("/api/v1/products");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var database = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        await products.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.True(products.Headers.RetryAfter is not null, "a refused request says when to come back");

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({DatabaseMigrator.MigrationLockKey})", otherHostsMigration))
        {
            await release.ExecuteNonQueryAsync(); // the other host's migration is done
        }

        var clock = Stopwatch.StartNew();
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < Deadline, "The host never became ready.");
            await Task.Yield();
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);
    }

    [Fact]
    public async Task Given_a_ready_host_with_dead_letters_and_no_ERP_When_probing_Then_ready_stays_200_and_reports_them()
    {
        var connectionString = await TestDatabases.CreateAsync();
        await using var host = new SbbApiFactory(connectionString);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var dead = new NpgsqlCommand(
                """
                INSERT INTO webhooks_outbox (destination, event_type, payload, status, max_attempts, entity_type, entity_id, scheduled_for, created_at)
                VALUES ('epicor_propello', 'item.upsert', '{}', 'dead', 12, 'product', gen_random_uuid(), now(), now())
                """, connection);
            await dead.ExecuteNonQueryAsync();
        }

        var ready = await host.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.True(checks.GetProperty("outbox").GetProperty("data").GetProperty("epicor_propello").GetProperty("deadLetters").GetInt64() >= 1);
        Assert.Contains("dead letters", checks.GetProperty("outbox").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.False(checks.GetProperty("erp").GetProperty("data").GetProperty("configured").GetBoolean());
        Assert.False(checks.GetProperty("email").GetProperty("data").GetProperty("configured").GetBoolean());
    }
}
