using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Media;

namespace SocialStore.Domain.Identity;

public sealed record ProfileView(string Handle, string DisplayName, string Bio, string? AvatarKey);

public sealed record ProfileChange(string? DisplayName, string? Bio);

/// <summary>A user's public profile: display name, bio and avatar. Invalid input changes nothing.</summary>
public sealed class ProfileService(IDbContextFactory<SocialStoreDbContext> dbFactory, ImagePipeline images, SocialStore.Domain.Moderation.Screening.ContentScreen screen, TimeProvider clock)
{
    public async Task<ProfileView?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new ProfileView(u.Handle, u.DisplayName, u.Bio, u.AvatarKey))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Saves name and bio and, when <paramref name="avatar"/> is given, a new avatar (the old one's files are deleted).</summary>
    public async Task<ProfileView> UpdateAsync(string userId, ProfileChange change, Stream? avatar, CancellationToken cancellationToken)
    {
        var name = ValidDisplayName(change.DisplayName);
        var bio = ValidBio(change.Bio);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new DomainException(ProfileErrors.NotFound);

        var now = clock.GetUtcNow();
        var verdict = await screen.CheckAsync(db, userId, new(), [name, bio], now, cancellationToken);
        (name, bio) = (verdict.Texts[0], verdict.Texts[1]);
        var oldAvatar = user.AvatarKey;
        var newAvatar = avatar is null ? null : (await images.SaveAsync(avatar, cancellationToken)).Key;
        user.DisplayName = name;
        user.Bio = bio;
        if (newAvatar is not null) user.AvatarKey = newAvatar;
        // What Identity's store does on every update, so a stale UserManager copy cannot overwrite this change.
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await screen.RecordAsync(db, verdict, SocialStore.Domain.Moderation.ReportTargetType.User, userId, userId, now, cancellationToken);
        }
        catch (Exception ex)
        {
            if (newAvatar is not null) await images.DeleteAsync(newAvatar, CancellationToken.None);
            if (ex is DbUpdateConcurrencyException) throw new DomainException(ProfileErrors.ChangedElsewhere);
            throw;
        }

        if (newAvatar is not null && oldAvatar is not null)
        {
            try { await images.DeleteAsync(oldAvatar, cancellationToken); }
            catch (IOException) { } // a leftover file is harmless; the profile no longer points to it
        }
        return new ProfileView(user.Handle, user.DisplayName, user.Bio, user.AvatarKey);
    }

    /// <summary>
    /// Lengths count what a person sees (graphemes: 好 or 👍🏽 is one), and also UTF-16 units, because the
    /// column is sized in those; for Chinese and Latin text the two are the same.
    /// </summary>
    internal static string ValidDisplayName(string? value)
    {
        var name = value?.Trim() ?? "";
        if (name.Length == 0) throw new DomainException(ProfileErrors.DisplayNameRequired);
        if (TextLength.Graphemes(name) > ApplicationUser.DisplayNameMaxLength || name.Length > ApplicationUser.DisplayNameMaxLength)
            throw new DomainException(ProfileErrors.DisplayNameTooLong, ApplicationUser.DisplayNameMaxLength);
        if (name.Any(c => char.IsControl(c) || IsBidiControl(c))) throw new DomainException(ProfileErrors.DisplayNameInvalid);
        return name;
    }

    internal static string ValidBio(string? value)
    {
        var bio = (value ?? "").ReplaceLineEndings("\n").Trim();
        if (TextLength.Graphemes(bio) > ApplicationUser.BioMaxLength || bio.Length > ApplicationUser.BioMaxLength * 2)
            throw new DomainException(ProfileErrors.BioTooLong, ApplicationUser.BioMaxLength);
        if (bio.Any(c => (char.IsControl(c) && c is not '\n' and not '\t') || IsBidiControl(c))) throw new DomainException(ProfileErrors.BioInvalid);
        return bio;
    }

    // Right-to-left overrides make "gpj.exe" look like "exe.jpg": a spoofing tool, never needed in a name.
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
