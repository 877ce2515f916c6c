<div class="kurs-deckblatt">
  <h1>{{ config.site_name }}</h1>
  {% if config.site_description %}<p>{{ config.site_description }}</p>{% endif %}
  <p>Gesamtausgabe zum Ausdrucken. Die Simulatoren und Quizfragen sind im Kurs interaktiv.</p>
</div>
