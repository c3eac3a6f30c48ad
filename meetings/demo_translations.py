"""
The Azerbaijani and Russian versions of the 31 May 2021 meeting's texts in the demo: its title,
summary and description, its agenda, the opening remarks and the speakers' roles. They are
translations by the project of the English in meetings/demo.py (our own words, not the
record's), following locale/GLOSSARY.md; a native speaker should review them (see the
README, "Languages").
"""

MAY_31 = {
    "title_ru": "Координационная встреча Сети ООН по вопросам миграции в Азербайджане",
    "title_az": "BMT-nin Azərbaycandakı Miqrasiya üzrə Şəbəkəsinin koordinasiya görüşü",
    "summary_ru": (
        "Онлайн-встреча, созванная МОМ в Азербайджане, чтобы подвести итоги работы сети и "
        "обсудить, как эта работа связана с реализацией Рамочной программы ООН по "
        "сотрудничеству в области устойчивого развития (UNSDCF) на 2021-2025 годы."
    ),
    "summary_az": (
        "Şəbəkənin gördüyü işə yekun vurmaq və bu işin BMT-nin Dayanıqlı İnkişaf üzrə "
        "Əməkdaşlıq Çərçivəsinin (UNSDCF) 2021-2025 icrası ilə necə əlaqələndiyini müzakirə "
        "etmək üçün BMqT-nin Azərbaycandakı nümayəndəliyinin çağırdığı onlayn görüş."
    ),
    "description_ru": (
        "После открытия с участием Постоянного координатора ООН, главы представительства МОМ в "
        "Азербайджане и начальника Государственной миграционной службы участники заслушали "
        "информацию о недавней деятельности сети и о работе по увязке рамочных документов, "
        "регулирующих миграцию в стране: о плане прогресса, перечне синергий и инициативе по "
        "увязке UNSDCF с собственным планом сети. Была также представлена позиция страновой "
        "группы ООН в отношении Многопартнерского целевого фонда по миграции и других "
        "совместных инициатив; встреча завершилась обсуждением дальнейших шагов сети."
    ),
    "description_az": (
        "BMT-nin Rezident Əlaqələndiricisi, BMqT-nin Azərbaycandakı nümayəndəliyinin rəhbəri və "
        "Dövlət Miqrasiya Xidmətinin rəisi ilə açılış sessiyasından sonra üzvlər şəbəkənin son "
        "fəaliyyəti və ölkədə miqrasiyanı tənzimləyən çərçivə sənədlərinin əlaqələndirilməsi "
        "üzrə iş barədə məlumat dinlədilər: irəliləyiş planı, sinerji siyahısı və UNSDCF-nin "
        "şəbəkənin öz planı ilə əlaqələndirilməsi təşəbbüsü. BMT-nin ölkə komandasının "
        "Miqrasiya üzrə Çoxtərəfli Tərəfdaş Fonduna və digər birgə təşəbbüslərə dair mövqeyi də "
        "təqdim edildi; görüş şəbəkənin növbəti addımlarının müzakirəsi ilə yekunlaşdı."
    ),
}

# By agenda order.
MAY_31_AGENDA = {
    1: {
        "title_ru": "Открытие",
        "title_az": "Açılış sessiyası",
        "description_ru": "Приветствие и вступительные слова.",
        "description_az": "Salamlama və açılış çıxışları.",
    },
    2: {
        "title_ru": "Информация о прошлой деятельности сети",
        "title_az": "Şəbəkənin keçmiş fəaliyyəti barədə məlumat",
        "description_ru": "Что сеть сделала с момента своего создания.",
        "description_az": "Şəbəkənin yaradıldığı vaxtdan bəri gördüyü işlər.",
    },
    3: {
        "title_ru": "Увязка существующих рамочных документов в области управления миграцией",
        "title_az": (
            "Miqrasiyanın idarə olunması ilə bağlı mövcud çərçivə sənədlərinin əlaqələndirilməsi"
        ),
        "description_ru": "Как соотносятся UNSDCF 2021-2025, цели ГДМ и круг ведения сети.",
        "description_az": (
            "UNSDCF 2021-2025, GCM məqsədləri və şəbəkənin fəaliyyət qaydalarının (Terms of "
            "Reference) bir-biri ilə necə uzlaşdığı."
        ),
    },
    4: {
        "title_ru": "План прогресса, перечень синергий и инициатива по увязке UNSDCF и работы сети",
        "title_az": (
            "İrəliləyiş planı, sinerji siyahısı və UNSDCF ilə şəbəkənin əlaqələndirilməsi təşəbbüsü"
        ),
        "description_ru": "",
        "description_az": "",
    },
    5: {
        "title_ru": "Многопартнерский целевой фонд по миграции и другие совместные инициативы",
        "title_az": "Miqrasiya üzrə Çoxtərəfli Tərəfdaş Fondu və digər birgə təşəbbüslər",
        "description_ru": (
            "Позиция страновой группы ООН в отношении объединенного фонда по миграции "
            "(Migration MPTF) и другие совместные инициативы."
        ),
        "description_az": (
            "BMT-nin ölkə komandasının miqrasiya üzrə birgə fonda (Migration MPTF) dair mövqeyi "
            "və digər birgə təşəbbüslər."
        ),
    },
    6: {
        "title_ru": "Обсуждение работы Сети ООН по вопросам миграции в Азербайджане",
        "title_az": "BMT-nin Azərbaycandakı Miqrasiya üzrə Şəbəkəsi barədə müzakirə",
        "description_ru": "Подробный обмен мнениями между участниками о работе сети.",
        "description_az": "İştirakçılar arasında şəbəkənin işi barədə ətraflı fikir mübadiləsi.",
    },
}

# The opening remarks' summaries, by speaker.
OPENING_REMARKS = {
    "Ghulam Isaczai": {
        "speaker_role_ru": "Постоянный координатор ООН в Азербайджане",
        "speaker_role_az": "BMT-nin Azərbaycandakı Rezident Əlaqələndiricisi",
        "summary_ru": (
            "Подчеркнул, что организациям, занимающимся вопросами миграции в Азербайджане, "
            "необходимо работать сообща: по его словам, эффективное управление миграцией "
            "неразрывно связано с защитой прав и благополучия мигрантов и их общин, и то и "
            "другое требует согласованного, последовательного подхода."
        ),
        "summary_az": (
            "Azərbaycanda miqrasiya məsələləri ilə məşğul olan təşkilatların birgə işləməsinin "
            "vacibliyini vurğuladı: onun sözlərinə görə, miqrasiyanın səmərəli idarə olunması "
            "miqrantların və onların icmalarının hüquqlarının və rifahının qorunması ilə sıx "
            "bağlıdır və hər ikisi əlaqələndirilmiş, ardıcıl yanaşma tələb edir."
        ),
    },
    "Vladimir Gjorgjiev": {
        "speaker_role_ru": "Глава представительства МОМ в Азербайджане",
        "speaker_role_az": "BMqT-nin Azərbaycandakı nümayəndəliyinin rəhbəri",
        "summary_ru": (
            "Отметил достижения Азербайджана за прошедший год, в том числе место в Руководящей "
            "группе Глобального форума по миграции и развитию и доклад правительства о "
            "Глобальном договоре о миграции, и выразил уверенность, что работа сети поможет "
            "стране продвинуться дальше в управлении миграцией на национальном, региональном и "
            "глобальном уровнях. Он пояснил, что сеть увязывает приоритетные направления "
            "UNSDCF 2021-2025 с целями ГДМ, соотносит их с задачами своего круга ведения и на "
            "этой основе предлагает план мероприятий, который также ускорит продвижение к Целям "
            "в области устойчивого развития."
        ),
        "summary_az": (
            "Azərbaycanın ötən il əldə etdiyi nailiyyətləri, o cümlədən Miqrasiya və İnkişaf "
            "üzrə Qlobal Forumun Rəhbər Qrupuna üzv seçilməsini və Hökumətin Miqrasiya üzrə "
            "Qlobal Pakt barədə hesabatını qeyd etdi və şəbəkənin işinin ölkəyə miqrasiyanın "
            "milli, regional və qlobal səviyyədə idarə olunmasında daha da irəliləməyə kömək "
            "edəcəyinə əmin olduğunu bildirdi. O izah etdi ki, şəbəkə UNSDCF 2021-2025-in "
            "prioritet sahələrini GCM məqsədləri ilə əlaqələndirir, onları öz fəaliyyət "
            "qaydalarının məqsədləri ilə uzlaşdırır və bu əsasda fəaliyyət planı təklif edir; bu "
            "da Dayanıqlı İnkişaf Məqsədlərinə doğru irəliləyişi sürətləndirəcək."
        ),
    },
    "Vusal Huseynov": {
        "speaker_role_ru": "Начальник Государственной миграционной службы",
        "speaker_role_az": "Dövlət Miqrasiya Xidmətinin rəisi",
        "summary_ru": (
            "Напомнил, что Азербайджан одним из первых создал национальную сеть ООН по вопросам "
            "миграции, и выразил надежду, что встреча станет площадкой для новых идей и "
            "инициатив, помогающих эффективно управлять миграцией в Азербайджане."
        ),
        "summary_az": (
            "Azərbaycanın BMT-nin milli Miqrasiya üzrə Şəbəkəsini yaradan ilk ölkələrdən biri "
            "olduğunu xatırlatdı və görüşün Azərbaycanda miqrasiyanın səmərəli idarə olunmasına "
            "kömək edən yeni ideya və təşəbbüslər üçün meydança olacağına ümid etdiyini bildirdi."
        ),
    },
}
