namespace SocialStore.Domain.Data.Seed.Banks;

/// <summary>Parts of the nicknames, handles and bios people on a lifestyle community choose for themselves.</summary>
internal static class PeopleBank
{
    /// <summary>A nickname with the pinyin that a handle is made from.</summary>
    public static readonly (string Zh, string Pinyin)[] Nicknames =
    [
        ("小鱼", "xiaoyu"), ("桃子", "taozi"), ("阿柚", "ayou"), ("糖糖", "tangtang"), ("木木", "mumu"), ("一一", "yiyi"),
        ("七七", "qiqi"), ("栗子", "lizi"), ("芒果", "mangguo"), ("橙子", "chengzi"), ("小满", "xiaoman"), ("团子", "tuanzi"),
        ("豆豆", "doudou"), ("米粒", "mili"), ("阿朵", "aduo"), ("南风", "nanfeng"), ("阿九", "ajiu"), ("晚晚", "wanwan"),
        ("星星", "xingxing"), ("卷卷", "juanjuan"), ("鹿鹿", "lulu"), ("果果", "guoguo"), ("安安", "anan"), ("念念", "niannian"),
        ("小葵", "xiaokui"), ("阿晴", "aqing"), ("苏苏", "susu"), ("可可", "keke"), ("大橘", "daju"), ("阿泽", "aze"),
        ("小林", "xiaolin"), ("阿杰", "ajie"), ("大熊", "daxiong"), ("阿成", "acheng"), ("小舟", "xiaozhou"), ("阿蛮", "aman"),
        ("十一", "shiyi"), ("柠檬", "ningmeng"), ("冬瓜", "donggua"), ("麦芽", "maiya"),
    ];

    public static readonly string[] NameSuffixes = ["酱", "同学", "不吃香菜", "今天也要早睡", "在努力", "的碎碎念", "爱生活"];

    public static readonly string[] Spaces = ["小厨房", "日常", "衣橱", "书房", "小窝", "旅行日记", "相册", "咖啡馆", "打卡本"];

    public static readonly string[] Hobbies = ["拍照", "做饭", "跑步", "看书", "逛街", "旅行", "画画", "喝咖啡"];

    public static readonly string[] HandleWords = ["daily", "life", "notes", "home", "eats", "diary", "studio", "journal"];

    public static readonly string[] EnglishNameShapes = ["{first} {last}", "{first} {last}", "{first} in {city}", "{first}'s {thing}", "{first} · {topic}"];

    public static readonly string[] EnglishThings = ["kitchen", "journal", "shelf", "lens", "corner", "notes"];

    public static readonly string[] JobsZh =
    [
        "设计师", "程序员", "新手妈妈", "研究生", "咖啡师", "护士", "小学老师", "产品经理", "自由职业者", "摄影师", "健身教练",
        "插画师", "会计", "留学生", "HR", "建筑师",
    ];

    public static readonly string[] TaglinesZh =
    [
        "慢慢来比较快", "认真生活的普通人", "好好吃饭好好睡觉", "热爱可抵岁月漫长", "今天也要开心", "记录美好小事", "不将就",
        "只分享自己真心喜欢的", "万物皆可拍",
    ];

    public static readonly string[] BiosZh =
    [
        "坐标{province}｜{topic1}和{topic2}爱好者\n{tagline}",
        "{job}一枚，记录{topic1}的日常",
        "{tagline}｜分享真实体验，不接硬广",
        "{job}｜{topic1} · {topic2} · 生活碎片",
        "在{city}生活的第{n}年\n{tagline}",
        "一个爱{topic1}的{job}\n💌 有问题评论区见",
    ];

    public static readonly string[] JobsEn =
    [
        "Designer", "Software engineer", "Nurse", "Teacher", "Grad student", "Barista", "Photographer", "New mum", "Illustrator",
    ];

    public static readonly string[] TaglinesEn =
    [
        "Small joys, written down", "Slow living, good coffee", "Trying things so you don't have to", "Honest reviews only",
    ];

    public static readonly string[] BiosEn =
    [
        "{job} in {city}. Into {topic1} and {topic2}.",
        "Notes on {topic1}, slowly.\n{tagline}",
        "{tagline} · {topic1} · {topic2}",
        "{job}. {tagline}.",
    ];

    public static readonly string[] AvatarEmojis = ["🌷", "🍑", "🐱", "🌙", "☁️", "🍋", "🐻", "🌻", "🍓", "🦊", "🐰", "🌊", "🍵", "🎧", "⭐"];
}
