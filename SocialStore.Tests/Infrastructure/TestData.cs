using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;

namespace SocialStore.Tests.Infrastructure;

/// <summary>Inserts users and notes directly, for tests that need a few real rows.</summary>
public static class TestData
{
    public static async Task<ApplicationUser> UserAsync(IDbContextFactory<SocialStoreDbContext> factory, string handle, string? displayName = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var email = $"{handle}@example.test";
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            NormalizedUserName = email.ToUpperInvariant(),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            Handle = handle,
            DisplayName = displayName ?? handle,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public static async Task<Note> NoteAsync(
        IDbContextFactory<SocialStoreDbContext> factory, string authorId, string title, string body = "正文", DateTimeOffset? at = null, params string[] topics)
    {
        await using var db = await factory.CreateDbContextAsync();
        var note = Note.Create(authorId, title, body, [new NoteImage { StorageKey = "seed/test.svg", Width = 900, Height = 1200, Alt = title }], at ?? DateTimeOffset.UtcNow);
        foreach (var name in topics)
            note.AddTopic(await db.Topics.FirstOrDefaultAsync(t => t.Name == name) ?? new Topic { Name = name, CreatedAt = DateTimeOffset.UtcNow });
        db.Notes.Add(note);
        await db.SaveChangesAsync();
        return note;
    }
}
